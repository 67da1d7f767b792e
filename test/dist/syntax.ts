/**
 * Finds syntax that Apps Script's parser may reject in a classic script: anything newer than
 * ES2020 (class fields above all: Apps Script has rejected static field initialisers) and module
 * syntax. Uses the TypeScript parser, which reads every edition, and reports each finding with its line.
 */
import ts from 'typescript';

const LOGICAL_ASSIGNMENT = new Set([
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

function finding(node: ts.Node): string | null {
  if (ts.isPropertyDeclaration(node)) return 'class field';
  if (ts.isClassStaticBlockDeclaration(node)) return 'class static block';
  if (ts.isPrivateIdentifier(node)) return 'private name';
  if (ts.isDecorator(node)) return 'decorator';
  if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return 'import declaration';
  if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) return 'export declaration';
  if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return 'export modifier';
  if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) return 'import.meta';
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return 'dynamic import()';
  if (ts.isBinaryExpression(node) && LOGICAL_ASSIGNMENT.has(node.operatorToken.kind)) return 'logical assignment';
  if (ts.isNumericLiteral(node) && node.getText().includes('_')) return 'numeric separator';
  if (ts.isRegularExpressionLiteral(node) && /\/[a-z]*[dv][a-z]*$/.test(node.text)) return 'regular expression flag d/v';
  return null;
}

/** Each construct newer than ES2020, or module syntax, as "line N: what". Empty when the script is plain ES2020. */
export function syntaxAbove2020(code: string): string[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const what = finding(node);
    if (what) found.push(`line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The names declared with top-level `var` or `function` (what a script that adds the library can see). */
export function topLevelDeclarations(code: string): { vars: string[]; lexical: string[]; functions: string[] } {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const vars: string[] = [];
  const lexical: string[] = [];
  const functions: string[] = [];
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.push(statement.name.text);
    if (!ts.isVariableStatement(statement)) continue;
    const isVar = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) (isVar ? vars : lexical).push(declaration.name.text);
    }
  }
  return { vars, lexical, functions };
}
