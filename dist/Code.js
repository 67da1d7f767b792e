// sheetorm 0.1.0 — An ORM for Google Apps Script: sheets as models with relations, a query builder, collections and safe, batched writes.
// Built file: edit src/ and run `npm run build`.
"use strict";
var SheetORM = (() => {
  const { Array, Date, Error, JSON, Map, Math, Number, Object, RegExp, Set, String, Symbol, WeakMap, isFinite, isNaN } = globalThis;
  var __create = Object.create;
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __getProtoOf = Object.getPrototypeOf;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
    get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
  }) : x)(function(x) {
    if (typeof require !== "undefined") return require.apply(this, arguments);
    throw Error('Dynamic require of "' + x + '" is not supported');
  });
  var __commonJS = (cb, mod) => function __require2() {
    try {
      return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
    } catch (e) {
      throw mod = 0, e;
    }
  };
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
    // If the importer is in node compatibility mode or this is not an ESM
    // file that has been converted to a CommonJS file using a Babel-
    // compatible transform (i.e. "__esModule" has not been set), then set
    // "default" to the CommonJS "module.exports" for node compatibility.
    isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
    mod
  ));
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // node_modules/pluralize/pluralize.js
  var require_pluralize = __commonJS({
    "node_modules/pluralize/pluralize.js"(exports, module) {
      (function(root, pluralize2) {
        if (typeof __require === "function" && typeof exports === "object" && typeof module === "object") {
          module.exports = pluralize2();
        } else if (typeof define === "function" && define.amd) {
          define(function() {
            return pluralize2();
          });
        } else {
          root.pluralize = pluralize2();
        }
      })(exports, function() {
        var pluralRules = [];
        var singularRules = [];
        var uncountables = {};
        var irregularPlurals = {};
        var irregularSingles = {};
        function sanitizeRule(rule) {
          if (typeof rule === "string") {
            return new RegExp("^" + rule + "$", "i");
          }
          return rule;
        }
        function restoreCase(word, token) {
          if (word === token) return token;
          if (word === word.toLowerCase()) return token.toLowerCase();
          if (word === word.toUpperCase()) return token.toUpperCase();
          if (word[0] === word[0].toUpperCase()) {
            return token.charAt(0).toUpperCase() + token.substr(1).toLowerCase();
          }
          return token.toLowerCase();
        }
        function interpolate(str, args) {
          return str.replace(/\$(\d{1,2})/g, function(match, index) {
            return args[index] || "";
          });
        }
        function replace(word, rule) {
          return word.replace(rule[0], function(match, index) {
            var result = interpolate(rule[1], arguments);
            if (match === "") {
              return restoreCase(word[index - 1], result);
            }
            return restoreCase(match, result);
          });
        }
        function sanitizeWord(token, word, rules) {
          if (!token.length || uncountables.hasOwnProperty(token)) {
            return word;
          }
          var len = rules.length;
          while (len--) {
            var rule = rules[len];
            if (rule[0].test(word)) return replace(word, rule);
          }
          return word;
        }
        function replaceWord(replaceMap, keepMap, rules) {
          return function(word) {
            var token = word.toLowerCase();
            if (keepMap.hasOwnProperty(token)) {
              return restoreCase(word, token);
            }
            if (replaceMap.hasOwnProperty(token)) {
              return restoreCase(word, replaceMap[token]);
            }
            return sanitizeWord(token, word, rules);
          };
        }
        function checkWord(replaceMap, keepMap, rules, bool) {
          return function(word) {
            var token = word.toLowerCase();
            if (keepMap.hasOwnProperty(token)) return true;
            if (replaceMap.hasOwnProperty(token)) return false;
            return sanitizeWord(token, token, rules) === token;
          };
        }
        function pluralize2(word, count, inclusive) {
          var pluralized = count === 1 ? pluralize2.singular(word) : pluralize2.plural(word);
          return (inclusive ? count + " " : "") + pluralized;
        }
        pluralize2.plural = replaceWord(
          irregularSingles,
          irregularPlurals,
          pluralRules
        );
        pluralize2.isPlural = checkWord(
          irregularSingles,
          irregularPlurals,
          pluralRules
        );
        pluralize2.singular = replaceWord(
          irregularPlurals,
          irregularSingles,
          singularRules
        );
        pluralize2.isSingular = checkWord(
          irregularPlurals,
          irregularSingles,
          singularRules
        );
        pluralize2.addPluralRule = function(rule, replacement) {
          pluralRules.push([sanitizeRule(rule), replacement]);
        };
        pluralize2.addSingularRule = function(rule, replacement) {
          singularRules.push([sanitizeRule(rule), replacement]);
        };
        pluralize2.addUncountableRule = function(word) {
          if (typeof word === "string") {
            uncountables[word.toLowerCase()] = true;
            return;
          }
          pluralize2.addPluralRule(word, "$0");
          pluralize2.addSingularRule(word, "$0");
        };
        pluralize2.addIrregularRule = function(single, plural) {
          plural = plural.toLowerCase();
          single = single.toLowerCase();
          irregularSingles[single] = plural;
          irregularPlurals[plural] = single;
        };
        [
          // Pronouns.
          ["I", "we"],
          ["me", "us"],
          ["he", "they"],
          ["she", "they"],
          ["them", "them"],
          ["myself", "ourselves"],
          ["yourself", "yourselves"],
          ["itself", "themselves"],
          ["herself", "themselves"],
          ["himself", "themselves"],
          ["themself", "themselves"],
          ["is", "are"],
          ["was", "were"],
          ["has", "have"],
          ["this", "these"],
          ["that", "those"],
          // Words ending in with a consonant and `o`.
          ["echo", "echoes"],
          ["dingo", "dingoes"],
          ["volcano", "volcanoes"],
          ["tornado", "tornadoes"],
          ["torpedo", "torpedoes"],
          // Ends with `us`.
          ["genus", "genera"],
          ["viscus", "viscera"],
          // Ends with `ma`.
          ["stigma", "stigmata"],
          ["stoma", "stomata"],
          ["dogma", "dogmata"],
          ["lemma", "lemmata"],
          ["schema", "schemata"],
          ["anathema", "anathemata"],
          // Other irregular rules.
          ["ox", "oxen"],
          ["axe", "axes"],
          ["die", "dice"],
          ["yes", "yeses"],
          ["foot", "feet"],
          ["eave", "eaves"],
          ["goose", "geese"],
          ["tooth", "teeth"],
          ["quiz", "quizzes"],
          ["human", "humans"],
          ["proof", "proofs"],
          ["carve", "carves"],
          ["valve", "valves"],
          ["looey", "looies"],
          ["thief", "thieves"],
          ["groove", "grooves"],
          ["pickaxe", "pickaxes"],
          ["passerby", "passersby"]
        ].forEach(function(rule) {
          return pluralize2.addIrregularRule(rule[0], rule[1]);
        });
        [
          [/s?$/i, "s"],
          [/[^\u0000-\u007F]$/i, "$0"],
          [/([^aeiou]ese)$/i, "$1"],
          [/(ax|test)is$/i, "$1es"],
          [/(alias|[^aou]us|t[lm]as|gas|ris)$/i, "$1es"],
          [/(e[mn]u)s?$/i, "$1s"],
          [/([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$/i, "$1"],
          [/(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$/i, "$1i"],
          [/(alumn|alg|vertebr)(?:a|ae)$/i, "$1ae"],
          [/(seraph|cherub)(?:im)?$/i, "$1im"],
          [/(her|at|gr)o$/i, "$1oes"],
          [/(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor)(?:a|um)$/i, "$1a"],
          [/(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$/i, "$1a"],
          [/sis$/i, "ses"],
          [/(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$/i, "$1$2ves"],
          [/([^aeiouy]|qu)y$/i, "$1ies"],
          [/([^ch][ieo][ln])ey$/i, "$1ies"],
          [/(x|ch|ss|sh|zz)$/i, "$1es"],
          [/(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$/i, "$1ices"],
          [/\b((?:tit)?m|l)(?:ice|ouse)$/i, "$1ice"],
          [/(pe)(?:rson|ople)$/i, "$1ople"],
          [/(child)(?:ren)?$/i, "$1ren"],
          [/eaux$/i, "$0"],
          [/m[ae]n$/i, "men"],
          ["thou", "you"]
        ].forEach(function(rule) {
          return pluralize2.addPluralRule(rule[0], rule[1]);
        });
        [
          [/s$/i, ""],
          [/(ss)$/i, "$1"],
          [/(wi|kni|(?:after|half|high|low|mid|non|night|[^\w]|^)li)ves$/i, "$1fe"],
          [/(ar|(?:wo|[ae])l|[eo][ao])ves$/i, "$1f"],
          [/ies$/i, "y"],
          [/\b([pl]|zomb|(?:neck|cross)?t|coll|faer|food|gen|goon|group|lass|talk|goal|cut)ies$/i, "$1ie"],
          [/\b(mon|smil)ies$/i, "$1ey"],
          [/\b((?:tit)?m|l)ice$/i, "$1ouse"],
          [/(seraph|cherub)im$/i, "$1"],
          [/(x|ch|ss|sh|zz|tto|go|cho|alias|[^aou]us|t[lm]as|gas|(?:her|at|gr)o|[aeiou]ris)(?:es)?$/i, "$1"],
          [/(analy|diagno|parenthe|progno|synop|the|empha|cri|ne)(?:sis|ses)$/i, "$1sis"],
          [/(movie|twelve|abuse|e[mn]u)s$/i, "$1"],
          [/(test)(?:is|es)$/i, "$1is"],
          [/(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$/i, "$1us"],
          [/(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|quor)a$/i, "$1um"],
          [/(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)a$/i, "$1on"],
          [/(alumn|alg|vertebr)ae$/i, "$1a"],
          [/(cod|mur|sil|vert|ind)ices$/i, "$1ex"],
          [/(matr|append)ices$/i, "$1ix"],
          [/(pe)(rson|ople)$/i, "$1rson"],
          [/(child)ren$/i, "$1"],
          [/(eau)x?$/i, "$1"],
          [/men$/i, "man"]
        ].forEach(function(rule) {
          return pluralize2.addSingularRule(rule[0], rule[1]);
        });
        [
          // Singular words with no plurals.
          "adulthood",
          "advice",
          "agenda",
          "aid",
          "aircraft",
          "alcohol",
          "ammo",
          "analytics",
          "anime",
          "athletics",
          "audio",
          "bison",
          "blood",
          "bream",
          "buffalo",
          "butter",
          "carp",
          "cash",
          "chassis",
          "chess",
          "clothing",
          "cod",
          "commerce",
          "cooperation",
          "corps",
          "debris",
          "diabetes",
          "digestion",
          "elk",
          "energy",
          "equipment",
          "excretion",
          "expertise",
          "firmware",
          "flounder",
          "fun",
          "gallows",
          "garbage",
          "graffiti",
          "hardware",
          "headquarters",
          "health",
          "herpes",
          "highjinks",
          "homework",
          "housework",
          "information",
          "jeans",
          "justice",
          "kudos",
          "labour",
          "literature",
          "machinery",
          "mackerel",
          "mail",
          "media",
          "mews",
          "moose",
          "music",
          "mud",
          "manga",
          "news",
          "only",
          "personnel",
          "pike",
          "plankton",
          "pliers",
          "police",
          "pollution",
          "premises",
          "rain",
          "research",
          "rice",
          "salmon",
          "scissors",
          "series",
          "sewage",
          "shambles",
          "shrimp",
          "software",
          "species",
          "staff",
          "swine",
          "tennis",
          "traffic",
          "transportation",
          "trout",
          "tuna",
          "wealth",
          "welfare",
          "whiting",
          "wildebeest",
          "wildlife",
          "you",
          /pok[eé]mon$/i,
          // Regexes.
          /[^aeiou]ese$/i,
          // "chinese", "japanese"
          /deer$/i,
          // "deer", "reindeer"
          /fish$/i,
          // "fish", "blowfish", "angelfish"
          /measles$/i,
          /o[iu]s$/i,
          // "carnivorous"
          /pox$/i,
          // "chickpox", "smallpox"
          /sheep$/i
        ].forEach(pluralize2.addUncountableRule);
        return pluralize2;
      });
    }
  });

  // src/index.ts
  var index_exports = {};
  __export(index_exports, {
    BelongsTo: () => BelongsTo,
    Collection: () => Collection,
    ColumnNotFoundError: () => ColumnNotFoundError,
    DuplicateKeyError: () => DuplicateKeyError,
    HasMany: () => HasMany,
    HasManyQueryBuilder: () => HasManyQueryBuilder,
    HasOne: () => HasOne,
    LockTimeoutError: () => LockTimeoutError,
    ManyToMany: () => ManyToMany,
    ManyToManyQueryBuilder: () => ManyToManyQueryBuilder,
    Model: () => Model,
    ModelNotFoundError: () => ModelNotFoundError,
    Paginator: () => Paginator,
    QueryBuilder: () => QueryBuilder,
    Relation: () => Relation,
    RelationNotFoundError: () => RelationNotFoundError,
    ServiceError: () => ServiceError,
    SheetNotFoundError: () => SheetNotFoundError,
    SheetORMError: () => SheetORMError,
    VERSION: () => VERSION,
    ValidationError: () => ValidationError,
    WriteError: () => WriteError,
    configure: () => configure,
    ensureSchema: () => ensureSchema,
    scope: () => scope,
    session: () => session2,
    transaction: () => transaction
  });

  // src/errors.ts
  var SheetORMError = class extends Error {
    constructor(message) {
      super(message);
      this.name = "SheetORMError";
    }
  };
  var SheetNotFoundError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "SheetNotFoundError";
    }
  };
  var ColumnNotFoundError = class extends SheetORMError {
    constructor(message, column, detail) {
      super(message);
      this.name = "ColumnNotFoundError";
      if (column !== void 0) this.column = column;
      if (detail !== void 0) this.detail = detail;
    }
  };
  var RelationNotFoundError = class extends SheetORMError {
    constructor(message, cause) {
      super(message);
      this.name = "RelationNotFoundError";
      if (cause !== void 0) this.cause = cause;
    }
  };
  var ModelNotFoundError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "ModelNotFoundError";
    }
  };
  var DuplicateKeyError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "DuplicateKeyError";
    }
  };
  var ValidationError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "ValidationError";
    }
  };
  var LockTimeoutError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "LockTimeoutError";
    }
  };
  var WriteError = class extends SheetORMError {
    constructor(message) {
      super(message);
      this.name = "WriteError";
    }
  };
  var ServiceError = class extends SheetORMError {
    constructor(message, cause) {
      super(message);
      this.name = "ServiceError";
      this.cause = cause;
    }
  };

  // src/support/values.ts
  var toTag = Object.prototype.toString;
  function isDate(value) {
    return typeof value === "object" && value !== null && toTag.call(value) === "[object Date]";
  }
  function isPlainObject(value) {
    if (value === null || typeof value !== "object") return false;
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return true;
    return Object.getPrototypeOf(proto) === null && !Array.isArray(value) && !isDate(value);
  }
  function fromCell(value) {
    if (value === "" || value === void 0 || value === null) return null;
    return value;
  }
  function sameValue(a, b) {
    const emptyA = a === null || a === void 0 || a === "";
    const emptyB = b === null || b === void 0 || b === "";
    if (emptyA || emptyB) return emptyA && emptyB;
    if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
    if (typeof a === "number" && typeof b === "number") return a === b || a !== a && b !== b;
    return a === b;
  }
  function sameAsOwnText(value, original) {
    if (typeof value !== "string") return false;
    if (typeof original === "number") return Number.isFinite(original) && value === String(original);
    return isDate(original) && !Number.isNaN(original.getTime()) && value === original.toISOString();
  }
  var CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
  var MAX_DIGITS = 15;
  function isExactNumberText(text) {
    if (!CANONICAL_NUMBER.test(text)) return false;
    const digits = text.length - (text.charCodeAt(0) === 45 ? 1 : 0) - (text.indexOf(".") >= 0 ? 1 : 0);
    return digits <= MAX_DIGITS;
  }
  function isPlainNumberText(value) {
    const padded = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32);
    return isExactNumberText(padded ? value.trim() : value);
  }
  function digitsAsNumber(value) {
    return typeof value === "string" && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;
  }
  function normalizeKey(value) {
    if (typeof value === "number") return value === value ? value : "NaN";
    if (value === null || value === void 0) return "";
    if (typeof value === "string") {
      const trimmed = value.length && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
      return isExactNumberText(trimmed) ? Number(trimmed) : trimmed;
    }
    if (isDate(value)) return `@${value.getTime()}`;
    try {
      return String(value);
    } catch {
      return `\0${describeValue(value)}`;
    }
  }
  function normalizeCompositeKey(values) {
    return values.length === 1 ? normalizeKey(values[0]) : values.map(normalizeKey).join("\0");
  }
  function isBlankKey(value) {
    return normalizeKey(value) === "";
  }
  function Bag() {
  }
  Bag.prototype = /* @__PURE__ */ Object.create(null);
  function emptyRecord() {
    return new Bag();
  }
  function cloneValue(value) {
    return isDate(value) ? new Date(value.getTime()) : value;
  }
  function describeValue(value) {
    if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
    if (isDate(value)) return `Date(${isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
    if (typeof value === "bigint") return `${String(value)}n`;
    if (Array.isArray(value)) {
      const shown = value.slice(0, 5).map(describeValue).join(", ");
      return value.length > 5 ? `[${shown}, \u2026 (${value.length} items)]` : `[${shown}]`;
    }
    if (value !== null && typeof value === "object") {
      const name = className(value);
      return name && name !== "Object" ? `${articleFor(name)} ${name}` : "an object";
    }
    if (typeof value === "function") return describeFunction(value);
    return String(value);
  }
  function describeFunction(fn) {
    const name = typeof fn.name === "string" && fn.name ? fn.name : "";
    let isClass = false;
    try {
      isClass = /^class\b/.test(Function.prototype.toString.call(fn));
    } catch {
    }
    if (isClass) return name ? `class ${name}` : "a class";
    return name ? `function ${name}` : "a function";
  }
  function articleFor(name) {
    return /^([AEIO]|U(mb|nd|nl|nt|p|lt|gl))/i.test(name) ? "an" : "a";
  }
  function className(value) {
    const proto = Object.getPrototypeOf(value);
    const constructor = proto && Object.prototype.hasOwnProperty.call(proto, "constructor") ? proto.constructor : null;
    return typeof constructor === "function" && typeof constructor.name === "string" ? constructor.name : "";
  }
  function setOwn(target, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      target[key] = value;
    }
  }

  // src/support/serial.ts
  var EPOCH = Date.UTC(1899, 11, 30);
  var DAY = 864e5;
  var formatters = /* @__PURE__ */ new Map();
  var offsets = /* @__PURE__ */ new Map();
  function formatter(zone) {
    let found = formatters.get(zone);
    if (!found) {
      found = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric"
      });
      formatters.set(zone, found);
    }
    return found;
  }
  var GMT_OFFSET = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;
  var BUCKET = 9e5;
  function zoneOffset(zone, instant) {
    const fixed = GMT_OFFSET.exec(zone);
    if (fixed) return (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] || 0)) * 6e4;
    const bucket = Math.floor(instant / BUCKET);
    const key = `${zone}@${bucket}`;
    let cached = offsets.get(key);
    if (cached === void 0) {
      const start = offsetAt(zone, bucket * BUCKET);
      cached = start === offsetAt(zone, bucket * BUCKET + BUCKET - 1e3) ? start : NaN;
      offsets.set(key, cached);
    }
    return cached === cached ? cached : offsetAt(zone, instant);
  }
  function offsetAt(zone, instant) {
    const parts = {};
    let format;
    try {
      format = formatter(zone);
    } catch (error) {
      throw new SheetORMError(`The spreadsheet's time zone "${zone}" is not one this runtime knows, so dates read through the Sheets API cannot be converted; set the spreadsheet's time zone (File \u2192 Settings) to a named zone, or configure({ sheetsApi: false }).`);
    }
    let era = "";
    for (const part of format.formatToParts(new Date(instant))) {
      if (part.type === "era") era = part.value;
      else if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    const wall = new Date(Date.UTC(2e3, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
    wall.setUTCFullYear(era.charAt(0) === "B" ? 1 - parts.year : parts.year);
    return wall.getTime() - Math.floor(instant / 1e3) * 1e3;
  }
  function serialToDate(serial, zone) {
    const wall = EPOCH + Math.round(serial * DAY);
    const before = zoneOffset(zone, wall - DAY);
    const after = zoneOffset(zone, wall + DAY);
    if (before === after) return new Date(wall - before);
    const early = wall - before;
    const late = wall - after;
    const earlyHolds = zoneOffset(zone, early) === before;
    const lateHolds = zoneOffset(zone, late) === after;
    if (earlyHolds && lateHolds) return new Date(Math.min(early, late));
    if (lateHolds && !earlyHolds) return new Date(late);
    return new Date(early);
  }

  // src/collection/compare.ts
  var OPERATORS = ["=", "==", "!=", "<>", ">", ">=", "<", "<=", "like", "ilike"];
  var BOOLEAN = 0;
  var NUMBER = 1;
  var DATE = 2;
  var STRING = 3;
  var OTHER = 4;
  var MISSING = 5;
  function isEmptyCell(value) {
    return value === null || value === void 0 || value === "";
  }
  function isDate2(value) {
    return Object.prototype.toString.call(value) === "[object Date]";
  }
  function classOf(value) {
    if (value === null || value === void 0 || value === "") return MISSING;
    switch (typeof value) {
      case "boolean":
        return BOOLEAN;
      case "number":
        return NUMBER;
      case "string":
        return isPlainNumberText(value) ? NUMBER : STRING;
      default:
        return isDate2(value) ? DATE : OTHER;
    }
  }
  function compareNumbers(a, b) {
    if (a !== a) return b !== b ? 0 : 1;
    if (b !== b) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function compareStrings(a, b) {
    const order = a.localeCompare(b);
    if (order !== 0) return order < 0 ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function compareValues(a, b) {
    const classA = classOf(a);
    const classB = classOf(b);
    if (classA !== classB) return classA < classB ? -1 : 1;
    switch (classA) {
      case BOOLEAN:
      case NUMBER:
        return compareNumbers(Number(a), Number(b));
      case DATE:
        return compareNumbers(a.getTime(), b.getTime());
      case STRING:
        return compareStrings(a, b);
      default:
        return 0;
    }
  }
  function compareForOrder(a, b, sign, nullsFirst = false) {
    const blankA = isEmptyCell(a);
    if (blankA !== isEmptyCell(b)) return blankA === nullsFirst ? -1 : 1;
    return compareValues(a, b) * sign;
  }
  function looseEquals(a, b) {
    if (a === b) return true;
    const kind = classOf(a);
    if (kind !== classOf(b)) return false;
    if (kind === MISSING) return true;
    if (kind === NUMBER) return Number(a) === Number(b);
    if (kind === DATE) return a.getTime() === b.getTime();
    return false;
  }
  function orderIfComparable(a, b) {
    const kind = classOf(a);
    if (kind !== classOf(b) || kind >= OTHER) return null;
    if (kind === NUMBER && (Number.isNaN(Number(a)) || Number.isNaN(Number(b)))) return null;
    if (kind === DATE && (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()))) return null;
    return compareValues(a, b);
  }
  function equalityKey(value) {
    switch (classOf(value)) {
      case MISSING:
        return null;
      case BOOLEAN:
        return value;
      case NUMBER:
        return Number(value);
      case DATE:
        return `date:${value.getTime()}`;
      case STRING:
        return `text:${value}`;
      default:
        return value;
    }
  }
  function toText(value) {
    if (value === null || value === void 0) return "";
    if (isDate2(value)) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
    return String(value);
  }
  function keyText(value, zone, owner) {
    if (isDate2(value)) {
      const wall = wallTimeText(value, zone && zone());
      if (wall === "Invalid Date") return wall;
      return wall.endsWith("T00:00:00.000") ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
    }
    if (value !== null && typeof value === "object") {
      throw new ValidationError(`${owner}: a key is ${describeValue(value)}, which makes no key (every such item would share "[object Object]"); key by one of its columns, such as 'author.id'.`);
    }
    return toText(value);
  }
  function onceZone(zone) {
    if (!zone) return void 0;
    let asked = false;
    let found;
    return () => asked ? found : (asked = true, found = zone());
  }
  function keyedValues(rows, read, readKey, zone, owner) {
    const out = {};
    const once2 = onceZone(zone);
    for (let i = 0; i < rows.length; i++) setOwn(out, keyText(readKey(rows[i]), once2, owner), read(rows[i]));
    return out;
  }
  function likeToRegExp(pattern, caseInsensitive = false) {
    const chars = Array.from(pattern);
    let source = "";
    let afterRun = false;
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i];
      const run = char === "%";
      if (char === "\\" && i + 1 < chars.length) source += escapeRegExp(chars[++i]);
      else if (run) source += afterRun ? "" : "[\\s\\S]*";
      else if (char === "_") source += "[\\s\\S]";
      else source += escapeRegExp(char);
      afterRun = run;
    }
    return new RegExp(`^${source}$`, caseInsensitive ? "iu" : "u");
  }
  function escapeRegExp(char) {
    return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
  }
  function normalizeOperator(operator) {
    const lower = typeof operator === "string" ? operator.trim().toLowerCase() : operator;
    if (OPERATORS.includes(lower)) return lower;
    throw new ValidationError(`Unknown operator ${describeValue(operator)} (valid operators: ${OPERATORS.join(", ")})`);
  }
  function operatorMatcher(operator, expected, zone) {
    const op = normalizeOperator(operator);
    if (op === "like" || op === "ilike") return likeMatcher(expected, op === "ilike", zone);
    const match = matcherFor(op, expected);
    if (typeof expected !== "string" || !ISO_DATE.test(expected.trim())) return match;
    let matchDate = null;
    const dateMatcher = () => {
      const date = isoDateOf(expected, zone && !namesZone(expected) ? zone() : void 0);
      return date ? matcherFor(op, date) : match;
    };
    return (actual) => isDate2(actual) ? (matchDate || (matchDate = dateMatcher()))(actual) : match(actual);
  }
  function membershipTest(values, zone) {
    const keys = new Set(values.map(equalityKey));
    const dateTexts = values.filter((value) => typeof value === "string" && ISO_DATE.test(value.trim()));
    if (!dateTexts.length) return (actual) => keys.has(equalityKey(actual));
    let dateKeys = null;
    const datesOf = () => {
      const at = zone && !dateTexts.every(namesZone) ? zone() : void 0;
      return new Set(dateTexts.map((text) => isoDateOf(text, at)).filter((date) => date !== null).map(equalityKey));
    };
    return (actual) => {
      const key = equalityKey(actual);
      return keys.has(key) || isDate2(actual) && (dateKeys || (dateKeys = datesOf())).has(key);
    };
  }
  function isDateText(value) {
    return typeof value === "string" && ISO_DATE.test(value.trim());
  }
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
  var SERIAL_EPOCH = Date.UTC(1899, 11, 30);
  function namesZone(text) {
    const match = ISO_DATE.exec(text.trim());
    return Boolean(match && match[8]);
  }
  function isoDateOf(text, zone) {
    const match = ISO_DATE.exec(text.trim());
    if (!match) return null;
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part || 0));
    const millisecond = Number((match[7] || "0").padEnd(3, "0"));
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    if (new Date(wall).getUTCDate() !== day) return null;
    if (match[8]) {
      const offset = match[8] === "Z" ? 0 : (match[8][0] === "-" ? -1 : 1) * (Number(match[8].slice(1, 3)) * 60 + Number(match[8].slice(-2)));
      return new Date(wall - offset * 6e4);
    }
    if (zone) return serialToDate((wall - SERIAL_EPOCH) / 864e5, zone);
    return new Date(year, month - 1, day, hour, minute, second, millisecond);
  }
  function matcherFor(op, expected) {
    switch (op) {
      case "=":
      case "==":
        return (actual) => looseEquals(actual, expected);
      case "!=":
      case "<>":
        return (actual) => !looseEquals(actual, expected);
      default:
        return orderMatcher(op, expected);
    }
  }
  function likeMatcher(pattern, caseInsensitive, zone) {
    if (pattern === null || pattern === void 0) return () => false;
    let at = null;
    const wallText = (date) => wallTimeText(date, at === null ? at = zone && zone() : at);
    const regExp = likeToRegExp(isDate2(pattern) ? wallText(pattern) : toText(pattern), caseInsensitive);
    return (actual) => {
      const kind = classOf(actual);
      if (kind === DATE) return regExp.test(wallText(actual));
      return kind !== MISSING && kind !== OTHER && regExp.test(toText(actual));
    };
  }
  function wallTimeText(date, zone) {
    const time = date.getTime();
    if (Number.isNaN(time)) return "Invalid Date";
    const offset = zone ? zoneOffset(zone, time) : -date.getTimezoneOffset() * 6e4;
    return new Date(time + offset).toISOString().slice(0, -1);
  }
  function orderMatcher(op, expected) {
    const accept = op === "<" ? (o) => o < 0 : op === "<=" ? (o) => o <= 0 : op === ">" ? (o) => o > 0 : (o) => o >= 0;
    return (actual) => {
      const order = orderIfComparable(actual, expected);
      return order !== null && accept(order);
    };
  }

  // src/collection/identity.ts
  function classOf2(value) {
    const prototype = Object.getPrototypeOf(value);
    return prototype ? prototype.constructor : void 0;
  }
  function identityReader() {
    const columnsOf = /* @__PURE__ */ new Map();
    return (value) => {
      if (value === null || typeof value !== "object" || !("$primaryKeyValue" in value)) return null;
      const model = value;
      if (model.$isPersisted !== true) return null;
      const owner = classOf2(value);
      let columns = columnsOf.get(owner);
      if (columns === void 0) columnsOf.set(owner, columns = typeof model.getAttribute === "function" ? keyColumnsOf(value) : null);
      let key;
      if (columns) key = columns.length === 1 ? model.getAttribute.call(value, columns[0]) : columns.map((name) => model.getAttribute.call(value, name));
      else key = model.$primaryKeyValue;
      return { model: owner, key: normalizeCompositeKey(Array.isArray(key) ? key : [key]) };
    };
  }
  function keyColumnsOf(item) {
    if (item === null || typeof item !== "object" || !("$primaryKeyValue" in item)) return null;
    const names = classOf2(item).primaryKey;
    return typeof names === "string" ? [names] : Array.isArray(names) ? names : null;
  }
  function findItem(items, target) {
    if (target === null) return null;
    if (isPlainObject(target) && Object.keys(target).length) return findByKeyObject(items, target);
    if (typeof target !== "string" && typeof target !== "number" && !isDate(target) && !Array.isArray(target)) {
      throw new ValidationError(`Collection.find: expected a callback or a primary key, got ${describeValue(target)}.`);
    }
    return findByKey(items, target);
  }
  function findByKey(items, key) {
    var _a;
    const columns = Array.isArray(key) && items.length ? keyColumnsOf(items[0]) : null;
    if (columns && columns.length === 1) {
      throw new ValidationError(`Collection.find(${describeValue(key)}): an array is a composite key, and these models have one key (${columns[0]}); use whereIn('${columns[0]}', [...]) to keep several.`);
    }
    const wanted = normalizeCompositeKey(Array.isArray(key) ? key : [key]);
    const identity = identityReader();
    for (let i = 0; i < items.length; i++) if (((_a = identity(items[i])) == null ? void 0 : _a.key) === wanted) return items[i];
    return null;
  }
  function findByKeyObject(items, values) {
    var _a;
    const identity = identityReader();
    for (let i = 0; i < items.length; i++) {
      const columns = keyColumnsOf(items[i]);
      if (!columns || columns.length < 2) {
        throw new ValidationError(`Collection.find(${describeValue(values)}): an object of key values finds models with a composite key; pass a callback to search by other values.`);
      }
      if (!columns.every((name) => Object.prototype.hasOwnProperty.call(values, name))) {
        throw new ValidationError(`Collection.find(${describeValue(values)}): expected a value for ${columns.join(", ")}.`);
      }
      if (normalizeCompositeKey(columns.map((name) => values[name])) === ((_a = identity(items[i])) == null ? void 0 : _a.key)) return items[i];
    }
    return null;
  }
  function matchesItem(target) {
    const identity = identityReader();
    const row = identity(target);
    if (row) {
      return (item) => {
        const other = item === target ? row : identity(item);
        return other !== null && other.model === row.model && other.key === row.key;
      };
    }
    const key = target !== null && typeof target === "object" && !Array.isArray(target) && !isDate(target) ? null : normalizeCompositeKey(Array.isArray(target) ? target : [target]);
    return (item) => {
      var _a;
      return looseEquals(item, target) || key !== null && key !== "" && ((_a = identity(item)) == null ? void 0 : _a.key) === key;
    };
  }
  function firstOfEach() {
    const seen = /* @__PURE__ */ new Set();
    const seenRows = /* @__PURE__ */ new Map();
    const identity = identityReader();
    return (value) => {
      const row = identity(value);
      if (row) {
        const keys = seenRows.get(row.model) || /* @__PURE__ */ new Set();
        seenRows.set(row.model, keys);
        return keys.has(row.key) ? false : (keys.add(row.key), true);
      }
      const id = equalityKey(value);
      return seen.has(id) ? false : (seen.add(id), true);
    };
  }

  // src/model/state.ts
  function pivotOf(state) {
    if (state.pivot === void 0 && state.pivotSpec && state.pivotRow) state.pivot = state.pivotSpec.pivot(state.pivotRow);
    return state.pivot;
  }
  var ReadBatch = class {
    constructor(columns, pivotSpec) {
      this.columns = columns;
      this.pivotSpec = pivotSpec;
    }
  };
  var STATE = /* @__PURE__ */ Symbol("sheetorm.model");
  var READ_ROW = /* @__PURE__ */ Symbol("sheetorm.row");
  var READ_PIVOT = /* @__PURE__ */ Symbol("sheetorm.pivotRow");
  var RELATIONS = /* @__PURE__ */ Symbol("sheetorm.relations");
  function newState() {
    return {
      persisted: false,
      deleted: false,
      columns: null,
      original: null,
      shadow: null,
      extras: null,
      pivot: void 0,
      pivotRow: null,
      pivotSpec: null
    };
  }
  function isModelInstance(value) {
    return value !== null && typeof value === "object" && value[STATE] !== void 0;
  }
  var frozenStates = /* @__PURE__ */ new WeakMap();
  function attachState(target) {
    const state = newState();
    if (isPrototype(target)) return state;
    if (Object.isExtensible(target)) target[STATE] = state;
    else frozenStates.set(target, state);
    return state;
  }
  function isPrototype(target) {
    const owner = Object.prototype.hasOwnProperty.call(target, "constructor") ? target.constructor : null;
    return typeof owner === "function" && owner.prototype === target;
  }
  function holdRead(model, batch, row, pivotRow) {
    const held = model;
    if (held[STATE] !== void 0) return false;
    held[STATE] = batch;
    held[READ_ROW] = row;
    if (pivotRow) held[READ_PIVOT] = pivotRow;
    return true;
  }
  function stateOf(model) {
    const held = model[STATE];
    if (held !== void 0 && !(held instanceof ReadBatch)) return held;
    const frozen = frozenStates.get(model);
    if (frozen) return frozen;
    const state = attachState(model);
    if (held) {
      state.persisted = true;
      state.columns = held.columns;
      state.original = model[READ_ROW] || null;
      state.pivotRow = model[READ_PIVOT] || null;
      state.pivotSpec = held.pivotSpec;
    }
    return state;
  }
  function heldShadow(model) {
    const held = model[STATE];
    if (held instanceof ReadBatch) {
      const frozen = frozenStates.get(model);
      return frozen ? frozen.shadow : null;
    }
    return held !== void 0 ? held.shadow : null;
  }
  function extrasOf(model) {
    const state = stateOf(model);
    if (!state.extras) state.extras = state.pivotSpec && state.pivotRow ? state.pivotSpec.extras(state.pivotRow) : {};
    return state.extras;
  }
  function setLoadedRelation(model, name, value) {
    const list = model[RELATIONS];
    if (!list) {
      model[RELATIONS] = [name, value];
      return;
    }
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) {
        list[i + 1] = value;
        return;
      }
    }
    list.push(name, value);
  }
  function forgetLoadedRelation(model, name) {
    const list = model[RELATIONS];
    if (!list) return;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) {
        list.splice(i, 2);
        break;
      }
    }
    if (!list.length) model[RELATIONS] = void 0;
  }
  function hasLoadedRelations(model) {
    return model[RELATIONS] !== void 0;
  }
  function isLoadedRelation(model, name) {
    const list = model[RELATIONS];
    if (list) {
      for (let i = 0; i < list.length; i += 2) if (list[i] === name) return true;
    }
    return false;
  }
  function loadedRelations(model) {
    const pairs = [];
    const list = model[RELATIONS];
    if (list) for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    return pairs;
  }
  function shadowOf(model) {
    const state = stateOf(model);
    return state.shadow || (state.shadow = /* @__PURE__ */ Object.create(null));
  }
  var positions = /* @__PURE__ */ new WeakMap();
  function columnIndex(columns, name) {
    let map = positions.get(columns);
    if (!map) {
      map = new Map(columns.map((column, i) => [column, i]));
      positions.set(columns, map);
    }
    const index = map.get(name);
    return index === void 0 ? -1 : index;
  }
  function originalValue(state, name) {
    if (!state.original || !state.columns) return void 0;
    const index = columnIndex(state.columns, name);
    return index < 0 ? void 0 : state.original[index];
  }
  function originalRecord(state) {
    const record = {};
    const { original, columns } = state;
    if (!original || !columns) return record;
    columns.forEach((name, i) => setOwn(record, name, cloneValue(original[i])));
    return record;
  }

  // src/collection/path.ts
  function readPath(item, path) {
    if (item === null || item === void 0) return void 0;
    const direct = step(item, path);
    if (direct !== void 0 || path.indexOf(".") < 0) return direct;
    let current2 = item;
    for (const segment of path.split(".")) {
      if (current2 === null || current2 === void 0 || typeof current2 === "function") return void 0;
      current2 = step(current2, segment);
    }
    return current2;
  }
  function step(current2, name) {
    const value = name === "__proto__" && !Object.prototype.hasOwnProperty.call(current2, name) ? void 0 : current2[name];
    if (value !== void 0 && typeof value !== "function") return value;
    const getAttribute = current2.getAttribute;
    if (!isModelInstance(current2) || typeof getAttribute !== "function") return void 0;
    const attribute = getAttribute.call(current2, name);
    return typeof attribute === "function" ? void 0 : attribute;
  }

  // src/collection/select.ts
  function checkSelector(key, method) {
    const index = typeof key === "number" && Number.isInteger(key) && key >= 0;
    if (key === void 0 || typeof key === "string" || typeof key === "function" || index) return key;
    throw new ValidationError(`Collection.${method}: each key is a column, a dot path, an index or a function, got ${describeValue(key)}.`);
  }
  function optionalSelector(key, method) {
    return key === null || key === void 0 ? void 0 : checkSelector(key, method);
  }
  function selector(key) {
    if (key === void 0) return (item) => item;
    if (typeof key === "function") return key;
    const path = String(key);
    return (item) => readPath(item, path);
  }
  function condition(args, method, column, zone) {
    if (args.length && args[args.length - 1] === void 0) {
      throw new ValidationError(`Collection.${method}('${column}', undefined): the value is undefined; pass a value, or null for blank cells.`);
    }
    if (typeof args[args.length - 1] === "function") {
      throw new ValidationError(`Collection.${method}('${column}', \u2026): the value is a function; to filter with a function, pass it alone: ${method}(item => \u2026) or filter(item => \u2026).`);
    }
    if (args.length >= 2 && (args[0] === "===" || args[0] === "!==")) return strictMatcher(args[0], args[1]);
    if (args.length >= 2) {
      try {
        return operatorMatcher(args[0], args[1], zone);
      } catch (error) {
        throw new ValidationError(`Collection.${method}: ${error.message}.`);
      }
    }
    if (Array.isArray(args[0])) {
      throw new ValidationError(`Collection.${method}: cannot compare with an array; use whereIn(column, [...]) for a list.`);
    }
    return operatorMatcher("=", args[0], zone);
  }
  function strictMatcher(operator, expected) {
    const equal = isDate2(expected) ? (actual) => isDate2(actual) && actual.getTime() === expected.getTime() : (actual) => actual === expected || expected === null && actual === void 0;
    return operator === "===" ? equal : (actual) => !equal(actual);
  }
  function mapItems(items, fn, thisArg) {
    const out = new Array(items.length);
    for (let i = 0; i < items.length; i++) out[i] = fn.call(thisArg, items[i], i, items);
    return out;
  }
  function selectedValues(items, key, method) {
    return mapItems(items, selector(optionalSelector(key, method)));
  }
  function pluckReader(col) {
    if (col === void 0 || col === null) throw new ValidationError("Collection.pluck: name the column to pluck (a column, dot path, index or function).");
    const path = typeof col === "symbol" ? (item) => item[col] : selector(checkSelector(col, "pluck"));
    if (typeof col === "function") return path;
    return (item, i, items) => {
      const value = path(item, i, items);
      return value === void 0 ? null : value;
    };
  }
  function viaOwnMethod(item, method, arg) {
    const fn = item !== null && item !== void 0 && item[method];
    return typeof fn === "function" ? arg === void 0 ? fn.call(item) : fn.call(item, arg) : item;
  }
  function orFallback(fallback) {
    return typeof fallback === "function" ? fallback() : fallback;
  }
  function itemTest(args, method, single, zone) {
    const [first, ...rest] = args;
    if (typeof first === "function") {
      const thisArg = rest[0];
      return (item, i, items) => first.call(thisArg, item, i, items);
    }
    if (!args.length) throw new ValidationError(`Collection.${method}: expected a callback, a value, or (column, value), got nothing.`);
    if (!rest.length) return single(first);
    const read = selector(checkSelector(first, method));
    const test = condition(rest, method, String(first), zone);
    return (item, i, items) => test(read(item, i, items));
  }

  // src/collection/arguments.ts
  function describe(value) {
    return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  }
  function assertCallback(fn, method, optional = false) {
    if (typeof fn === "function" || optional && fn === void 0) return;
    throw new ValidationError(`Collection.${method}: expected a callback, got ${describe(fn)}${method === "first" ? " (use find(key) to look a model up by its key)" : ""}.`);
  }
  function countArgument(n, method) {
    if (typeof n === "number") return n;
    if (typeof n === "string" && n.trim() !== "" && !isNaN(Number(n))) return Number(n);
    throw new ValidationError(`Collection.${method}: expected a number of items, got ${describeValue(n)}.`);
  }
  function membershipList(values, col, method) {
    const isMap = Object.prototype.toString.call(values) === "[object Map]";
    if (values === null || typeof values !== "object" || isMap || typeof values[Symbol.iterator] !== "function") {
      throw new ValidationError(`Collection.${method}('${col}', \u2026): expected an array or a Set of values, got ${describe(values)}.`);
    }
    const list = Array.from(values);
    const missing = list.indexOf(void 0);
    if (missing >= 0) {
      throw new ValidationError(`Collection.${method}('${col}', [...]): the item at index ${missing} is undefined; leave missing values out, or use null for blank cells.`);
    }
    return list;
  }
  function sortKeysOf(key, direction, method, valuesOf) {
    if (!Array.isArray(key)) return [{ values: valuesOf(key === void 0 ? void 0 : checkSelector(key, method)), direction }];
    return Array.from(key, (item, i) => {
      if (item === void 0) throw new ValidationError(`Collection.${method}([...]): the key at index ${i} is undefined; name a column, dot path, index or function.`);
      if (!Array.isArray(item)) return { values: valuesOf(checkSelector(item, method)), direction };
      const order = typeof item[1] === "string" ? item[1].toLowerCase() : item[1];
      if (item.length !== 2 || order !== "asc" && order !== "desc") {
        throw new ValidationError(`Collection.${method}([...]): a pair is [column, 'asc' | 'desc'], got ${describeValue(item)}.`);
      }
      return { values: valuesOf(checkSelector(item[0], method)), direction: direction === -1 || order === "desc" ? -1 : 1 };
    });
  }

  // src/collection/aggregate.ts
  function isBlank(value) {
    if (value === null || value === void 0 || value === "") return true;
    if (typeof value === "number") return Number.isNaN(value);
    return isDate2(value) && Number.isNaN(value.getTime());
  }
  function numbersOf(values) {
    const numbers = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === "number" ? !Number.isNaN(value) : typeof value === "string" && isPlainNumberText(value)) numbers.push(Number(value));
    }
    return numbers;
  }
  function sumOf(values) {
    return totalOf(numbersOf(values));
  }
  function meanOf(values) {
    const numbers = numbersOf(values);
    return numbers.length === 0 ? null : totalOf(numbers) / numbers.length;
  }
  function totalOf(numbers) {
    return numbers.reduce((total, n) => total + n, 0);
  }
  function countAccepted(items, fn) {
    if (typeof fn !== "function") throw new ValidationError(`Collection.count: expected nothing or a function that picks the items to count, got ${describe(fn)}.`);
    let counted = 0;
    for (let i = 0; i < items.length; i++) if (fn(items[i], i, items)) counted++;
    return counted;
  }
  function extremeOf(values, direction) {
    const isNumber = (value) => typeof value === "number" ? !Number.isNaN(value) : typeof value === "string" && isPlainNumberText(value);
    let numbers = 0;
    let dates = 0;
    for (let i = 0; i < values.length; i++) {
      if (isNumber(values[i])) numbers++;
      else if (isDate2(values[i]) && !isBlank(values[i])) dates++;
    }
    const kind = dates > numbers ? "date" : numbers ? "number" : null;
    let best = null;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (isBlank(value) || kind === "number" && !isNumber(value) || kind === "date" && !isDate2(value)) continue;
      const order = kind === "number" ? Number(value) - Number(best) : compareValues(value, best);
      if (best === null || order * direction > 0) best = value;
    }
    return kind === "number" && best !== null ? Number(best) : best;
  }
  function sortByKeys(items, keys) {
    const order = items.map((_, index) => index);
    order.sort((a, b) => {
      for (let k = 0; k < keys.length; k++) {
        const { values, direction } = keys[k];
        const aBlank = isBlank(values[a]);
        const bBlank = isBlank(values[b]);
        const byValue = aBlank || bBlank ? Number(aBlank) - Number(bBlank) : compareValues(values[a], values[b]) * direction;
        if (byValue) return byValue;
      }
      return a - b;
    });
    return order.map((index) => items[index]);
  }
  function joinItems(items, glue, finalGlue) {
    const texts = mapItems(items, toText);
    if (finalGlue === "" || texts.length < 2) return texts.join(glue);
    return texts.slice(0, -1).join(glue) + finalGlue + texts[texts.length - 1];
  }
  function implodeItems(items, key, glue) {
    const first = items.length ? items[0] : null;
    const isRecord = first !== null && typeof first === "object" && !isDate2(first);
    if (typeof key === "string" && !isRecord) return items.join(key);
    return selectedValues(items, key, "implode").map(toText).join(glue === void 0 ? "" : glue);
  }

  // src/collection/itemZone.ts
  var itemZone = null;
  function registerItemZone(fn) {
    itemZone = fn;
  }
  function zoneByItem() {
    const byClass = /* @__PURE__ */ new Map();
    return (item) => {
      var _a;
      if (!itemZone || item === null || typeof item !== "object") return void 0;
      const owner = (_a = Object.getPrototypeOf(item)) == null ? void 0 : _a.constructor;
      if (!byClass.has(owner)) byClass.set(owner, itemZone(item));
      return byClass.get(owner);
    };
  }
  function zoneOfItems(items) {
    return () => {
      if (!itemZone) return void 0;
      for (let i = 0; i < items.length; i++) {
        const zone = itemZone(items[i]);
        if (zone !== void 0) return zone;
      }
      return void 0;
    };
  }

  // src/collection/array.ts
  var push = Array.prototype.push;
  function fillItems(target, items) {
    const size = items;
    if (typeof size === "number" && Number.isInteger(size) && size >= 0) {
      target.length = size;
      return;
    }
    if (items === null || typeof items[Symbol.iterator] !== "function") {
      throw new ValidationError(`new Collection(): expected an array or iterable, got ${describe(items)}.`);
    }
    const list = Array.isArray(items) ? items : Array.from(items);
    for (let i = 0; i < list.length; i++) push.call(target, list[i]);
  }
  function filterItems(items, fn, thisArg) {
    assertCallback(fn, "filter");
    const kept2 = [];
    for (let i = 0; i < items.length; i++) if (fn.call(thisArg, items[i], i, items)) kept2.push(items[i]);
    return kept2;
  }
  function reduceItems(items, fn, initial) {
    assertCallback(fn, "reduce");
    if (!initial.length && !items.length) return null;
    let accumulator = initial.length ? initial[0] : items[0];
    for (let i = initial.length ? 0 : 1; i < items.length; i++) accumulator = fn(accumulator, items[i], i, items);
    return accumulator;
  }
  function someMatch(items, args) {
    const test = itemTest(args, "some", matchesItem, zoneOfItems(items));
    for (let i = 0; i < items.length; i++) if (test(items[i], i, items)) return true;
    return false;
  }
  function everyMatch(items, args) {
    const test = itemTest(args, "every", (col) => {
      const read = selector(checkSelector(col, "every"));
      return (item) => Boolean(read(item, 0, items));
    }, zoneOfItems(items));
    for (let i = 0; i < items.length; i++) if (!test(items[i], i, items)) return false;
    return true;
  }

  // src/collection/lookup.ts
  function itemAt(items, index, fallback) {
    const i = index < 0 ? items.length + index : index;
    return Number.isInteger(i) && i >= 0 && i < items.length ? items[i] : orFallback(fallback);
  }
  function edgeItem(items, fn, fallback, method) {
    if (fn !== null) assertCallback(fn, method, true);
    const accepts = (i) => !fn || fn(items[i], i, items);
    if (method === "first") {
      for (let i = 0; i < items.length; i++) if (accepts(i)) return items[i];
    } else {
      for (let i = items.length - 1; i >= 0; i--) if (accepts(i)) return items[i];
    }
    return orFallback(fallback);
  }
  function findIn(items, target, second) {
    if (typeof target === "function") {
      for (let i = 0; i < items.length; i++) if (target.call(second, items[i], i, items)) return items[i];
      return null;
    }
    const found = findItem(items, target);
    return found === null ? orFallback(second === void 0 ? null : second) : found;
  }

  // src/collection/where.ts
  function wherePredicate(col, args, method, zone) {
    if (typeof col === "function") return col;
    if (isPlainObject(col)) {
      const tests = Object.keys(col).map((name) => ({ read: selector(name), test: condition([col[name]], method, name, zone) }));
      return (item, i, items) => tests.every(({ read: read2, test: test2 }) => test2(read2(item, i, items)));
    }
    if (typeof col !== "string") throw new ValidationError(`Collection.${method}: expected a column, an object of column values or a callback, got ${describe(col)}.`);
    const read = selector(col);
    if (!args.length) return (item, i, items) => !!read(item, i, items);
    const test = condition(args, method, col, zone);
    return (item, i, items) => test(read(item, i, items));
  }
  function membershipPredicate(col, values, member2, method, zone) {
    if (col === null || col === void 0) throw new ValidationError(`Collection.${method}: name the column to compare (a column, dot path, index or function), got ${describe(col)}.`);
    const read = selector(checkSelector(col, method));
    const test = membershipTest(membershipList(values, String(col), method), zone);
    return (item, i, items) => test(read(item, i, items)) === member2;
  }

  // src/collection/subsets.ts
  function blankPredicate(col, blank, method) {
    if (col === null || col === void 0) throw new ValidationError(`Collection.${method}: name the column to test (a column, dot path, index or function), got ${describe(col)}.`);
    const read = selector(checkSelector(col, method));
    return (item, i, items) => isEmptyCell(read(item, i, items)) === blank;
  }
  function betweenPredicate(col, range, inside, method, zone) {
    if (!Array.isArray(range) || range.length !== 2 || range.some((end) => end === void 0)) {
      throw new ValidationError(`Collection.${method}('${String(col)}', \u2026): expected [low, high], got ${describeValue(range)}.`);
    }
    const read = selector(checkSelector(col, method));
    const above = operatorMatcher(">=", range[0], zone);
    const below = operatorMatcher("<=", range[1], zone);
    return (item, i, items) => {
      const value = read(item, i, items);
      return (above(value) && below(value)) === inside;
    };
  }
  function distinctPredicate(key, method) {
    const read = selector(optionalSelector(key, method));
    const isFirst = firstOfEach();
    return (item, i, items) => isFirst(read(item, i, items));
  }
  function chunkItems(items, size) {
    if (!Number.isInteger(size) || size < 1) {
      throw new ValidationError(`Collection.chunk: size must be a positive integer (got ${String(size)}).`);
    }
    const chunks = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  }
  function pageBounds(page, perPage) {
    const p = Math.trunc(countArgument(page, "forPage"));
    const size = Math.trunc(countArgument(perPage, "forPage"));
    if (!(size >= 0)) throw new ValidationError(`Collection.forPage: perPage must be 0 or more, got ${describeValue(perPage)}.`);
    const start = p <= 1 ? 0 : (p - 1) * size;
    return [start, start + size];
  }
  function partitionItems(items, fn) {
    const passed = [];
    const failed = [];
    for (let i = 0; i < items.length; i++) (fn(items[i], i) ? passed : failed).push(items[i]);
    return [passed, failed];
  }
  function modelKeysOf(items) {
    const keys = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item === null || typeof item !== "object" || !("$primaryKeyValue" in item)) {
        throw new ValidationError(`Collection.modelKeys: the item at index ${i} is not a model (${describeValue(item)}); use pluck(column) for other items.`);
      }
      keys[i] = item.$primaryKeyValue;
    }
    return keys;
  }

  // src/collection/group.ts
  function groupItems(items, key, method) {
    const read = selector(checkSelector(key, method));
    const zoneOf = zoneByItem();
    const groups = /* @__PURE__ */ new Map();
    for (let i = 0; i < items.length; i++) {
      const name = keyText(read(items[i], i, items), () => zoneOf(items[i]), `Collection.${method}`);
      const group = groups.get(name);
      if (group) group.push(items[i]);
      else groups.set(name, [items[i]]);
    }
    return groups;
  }
  function countItems(items, key) {
    const groups = groupItems(items, key === null ? void 0 : key, "countBy");
    return Object.fromEntries(Array.from(groups, ([name, group]) => [name, group.length]));
  }
  function groupTree(items, key, wrap) {
    if (Array.isArray(key)) {
      if (!key.length) throw new ValidationError("Collection.groupBy([]): name at least one key.");
      const groups = items.groupBy(checkSelector(key[0], "groupBy"));
      if (key.length === 1) return groups;
      const rest = key.slice(1);
      return Object.fromEntries(Object.keys(groups).map((name) => [name, groups[name].groupBy(rest)]));
    }
    if (key === void 0) throw new ValidationError("Collection.groupBy: name the key to group by (a column, dot path, index or function).");
    return Object.fromEntries(Array.from(groupItems(items, key, "groupBy"), ([name, group]) => [name, wrap(group)]));
  }
  function keyItems(items, key, method, value) {
    if (key === void 0) throw new ValidationError(`Collection.${method}: name the key (a column, dot path, index or function).`);
    const read = selector(checkSelector(key, method));
    const zoneOf = zoneByItem();
    return Object.fromEntries(mapItems(items, (item, i, all) => [keyText(read(item, i, all), () => zoneOf(item), `Collection.${method}`), value(item, i, all)]));
  }

  // src/collection/load.ts
  var loader = null;
  function registerCollectionLoader(fn) {
    loader = fn;
  }
  function loadItems(items, args, kind) {
    if (!items.length) return;
    if (!loader) throw notModelsError(items[0], 0, kind);
    loader(items, args, kind);
  }
  function notModelsError(item, index, kind) {
    return new ValidationError(
      `Collection.${kind}(): expected a collection of models, got ${describeValue(item)} at index ${index}; ${kind === "load" ? "load relations onto the models a query returns (Post.all().load('tags')), or use with('tags') in the query" : `call it on the models a query returns (Post.all().${kind}(\u2026)), or use with${kind.slice(4)}(\u2026) in the query`}.`
    );
  }

  // src/collection/Collection.ts
  var ArrayBase = Array;
  var Collection = class _Collection extends ArrayBase {
    /** Wraps a copy of `items` (an array or any iterable); a length, as `new Array(n)` takes, makes an empty slot list. */
    constructor(items = []) {
      super();
      if (arguments.length > 1) throw new ValidationError(`new Collection(): expected one array or iterable, got ${arguments.length} arguments; use Collection.of(...items) for a list of arguments.`);
      fillItems(this, items);
    }
    /** Array's methods (`slice`, `concat`, ...) make plain arrays, never call this constructor. */
    static get [Symbol.species]() {
      return Array;
    }
    /** A new collection of the items from `start` to before `end` (Array's slice, as a Collection). */
    slice(start, end) {
      return _Collection.wrap(Array.prototype.slice.call(this, start, end));
    }
    /** A new collection of these items followed by the given items and arrays' items (Array's concat, as a Collection). */
    concat(...items) {
      return _Collection.wrap(Array.prototype.concat.apply(Array.prototype.slice.call(this), items));
    }
    /** A collection of `items` without copying them: the caller hands the array over. */
    static wrap(items) {
      return Object.setPrototypeOf(items, _Collection.prototype);
    }
    /** A collection of an iterable's or array-like's items, each passed through `map` when given (Array.from). */
    static from(items, map, thisArg) {
      if (map !== void 0) assertCallback(map, "from");
      return _Collection.wrap(map ? Array.from(items, map, thisArg) : Array.from(items));
    }
    /** A collection of the arguments (Array.of). */
    static of(...items) {
      return _Collection.wrap(items);
    }
    get(index, fallback = null) {
      return itemAt(this, index, fallback);
    }
    /** Calls `fn` for each item, stopping early when it returns `false`; returns this collection. */
    each(fn) {
      assertCallback(fn, "each");
      for (let i = 0; i < this.length; i++) if (fn(this[i], i, this) === false) break;
      return this;
    }
    /** A new collection of `fn`'s results. */
    map(fn, thisArg) {
      assertCallback(fn, "map");
      return _Collection.wrap(mapItems(this, fn, thisArg));
    }
    /** `fn`'s results, lists among them flattened one level, as a new collection (Array's flatMap, as Laravel's). */
    flatMap(fn, thisArg) {
      assertCallback(fn, "flatMap");
      return _Collection.wrap(Array.prototype.flatMap.call(Array.prototype.slice.call(this), (item, i) => fn.call(thisArg, item, i, this)));
    }
    filter(fn = (item) => item, thisArg) {
      return _Collection.wrap(filterItems(this, fn, thisArg));
    }
    reject(...args) {
      const test = itemTest(args.slice(0, 1), "reject", matchesItem, zoneOfItems(this));
      return this.filter((item, i, items) => !test(item, i, items));
    }
    reduce(fn, ...initial) {
      return reduceItems(this, fn, initial);
    }
    some(...args) {
      return someMatch(this, args);
    }
    every(...args) {
      return everyMatch(this, args);
    }
    where(col, ...args) {
      return this.filter(wherePredicate(col, args, "where", zoneOfItems(this)));
    }
    firstWhere(col, ...args) {
      return this.first(wherePredicate(col, args, "firstWhere", zoneOfItems(this)));
    }
    /** The items whose `col` loosely equals one of `values`. */
    whereIn(col, values) {
      return this.filter(membershipPredicate(col, values, true, "whereIn", zoneOfItems(this)));
    }
    /** The items whose `col` equals none of `values`. */
    whereNotIn(col, values) {
      return this.filter(membershipPredicate(col, values, false, "whereNotIn", zoneOfItems(this)));
    }
    /** The items whose `col` is blank: null, '' or missing (as a query's whereNull). */
    whereNull(col) {
      return this.filter(blankPredicate(col, true, "whereNull"));
    }
    /** The items whose `col` holds a value. */
    whereNotNull(col) {
      return this.filter(blankPredicate(col, false, "whereNotNull"));
    }
    /** The items whose `col` lies within `[low, high]`, both ends included (as a query's whereBetween). */
    whereBetween(col, range) {
      return this.filter(betweenPredicate(col, range, true, "whereBetween", zoneOfItems(this)));
    }
    /** The items whose `col` lies outside `[low, high]` (blank ones included). */
    whereNotBetween(col, range) {
      return this.filter(betweenPredicate(col, range, false, "whereNotBetween", zoneOfItems(this)));
    }
    pluck(col, key) {
      const read = pluckReader(col);
      return key === void 0 || key === null ? this.map(read) : keyItems(this, key, "pluck", read);
    }
    /** The number of items (with `fn`, of the items it accepts). */
    count(fn) {
      return fn === void 0 ? this.length : countAccepted(this, fn);
    }
    /** The total of the items (or of a column or derived value); non-numeric values are skipped. */
    sum(key) {
      return sumOf(this.valuesOf(key, "sum"));
    }
    /** The mean of the numeric values, or null when there are none. */
    avg(key) {
      return meanOf(this.valuesOf(key, "avg"));
    }
    min(key) {
      return extremeOf(this.valuesOf(key, "min"), -1);
    }
    max(key) {
      return extremeOf(this.valuesOf(key, "max"), 1);
    }
    /**
     * A new collection sorted ascending by the items, a column or a derived value; stable, blanks
     * last. A list sorts by each key in turn: `sortBy(['last', ['age', 'desc']])`.
     */
    sortBy(key, direction) {
      const order = direction === void 0 ? "asc" : typeof direction === "string" ? direction.toLowerCase() : direction;
      if (order !== "asc" && order !== "desc") {
        throw new ValidationError(`Collection.sortBy(key, direction): the direction is 'asc' or 'desc', got ${describeValue(direction)}.`);
      }
      return _Collection.wrap(sortByKeys(this.all(), this.orderKeys(key, order === "desc" ? -1 : 1, order === "desc" ? "sortByDesc" : "sortBy")));
    }
    /** A new collection sorted descending (by every key of a list); stable (ties keep their order), blanks last. */
    sortByDesc(key) {
      return _Collection.wrap(sortByKeys(this.all(), this.orderKeys(key, -1, "sortByDesc")));
    }
    groupBy(key) {
      return groupTree(this, key, _Collection.wrap);
    }
    /** How many items hold each value of a column or derived value (none: of the items), keyed as `groupBy` keys (Laravel). */
    countBy(key) {
      return countItems(this, key);
    }
    /** The items keyed by the text of a column or derived value; the last item wins a shared key. */
    keyBy(key) {
      return keyItems(this, key, "keyBy", (item) => item);
    }
    /** The first item for each distinct value (loose equality; persisted models by class and key) of the items, a column or a derived value. */
    unique(key) {
      return this.filter(distinctPredicate(key, "unique"));
    }
    /** Splits the items into collections of `size` items (the last may be shorter). */
    chunk(size) {
      return _Collection.wrap(chunkItems(this, size));
    }
    first(fn, fallback = null) {
      return edgeItem(this, fn, fallback, "first");
    }
    last(fn, fallback = null) {
      return edgeItem(this, fn, fallback, "last");
    }
    find(target, second) {
      return findIn(this, target, second);
    }
    contains(...args) {
      return this.some(itemTest(args.length > 1 && typeof args[0] === "function" ? args.slice(0, 1) : args, "contains", matchesItem, zoneOfItems(this)));
    }
    /** The first `n` items, or the last `-n` items when `n` is negative. */
    take(n) {
      const count = Math.trunc(countArgument(n, "take")) || 0;
      return count < 0 ? this.slice(count) : this.slice(0, count);
    }
    /** All items after the first `n`, or the last `-n` items when `n` is negative (Laravel's, a slice). */
    skip(n) {
      return this.slice(Math.trunc(countArgument(n, "skip")) || 0);
    }
    /** The items of page `page` (1 is the first) of `perPage` items each (Laravel's forPage). */
    forPage(page, perPage = 20) {
      const [start, end] = pageBounds(page, perPage);
      return this.slice(start, end);
    }
    /** The items `fn` accepts and those it rejects, as two collections: `const [paid, unpaid] = invoices.partition(...)`. */
    partition(fn) {
      assertCallback(fn, "partition");
      const [passed, failed] = partitionItems(this, (item, i) => fn(item, i, this));
      return [_Collection.wrap(passed), _Collection.wrap(failed)];
    }
    /** The primary key of each model (an array for a composite key), as Eloquent's modelKeys. */
    modelKeys() {
      return modelKeysOf(this);
    }
    /** True when there are no items. */
    isEmpty() {
      return this.length === 0;
    }
    /** True when there is at least one item. */
    isNotEmpty() {
      return this.length > 0;
    }
    /** The items as a new plain array. */
    all() {
      return Array.prototype.slice.call(this);
    }
    /** The items as a new plain array (alias of `all`). */
    toArray() {
      return this.all();
    }
    load(...args) {
      loadItems(this, args, "load");
      return this;
    }
    loadCount(...names) {
      loadItems(this, names, "loadCount");
      return this;
    }
    /** Sets each model's `$extras.<name>_exists` to whether it has related rows (Eloquent's loadExists). */
    loadExists(...names) {
      loadItems(this, names, "loadExists");
      return this;
    }
    /** Sets each model's `$extras.<name>_sum_<column>` (Eloquent's loadSum): one read of each sheet involved. */
    loadSum(relation, column) {
      loadItems(this, Array.from(arguments), "loadSum");
      return this;
    }
    /** Sets each model's `$extras.<name>_avg_<column>` (Eloquent's loadAvg). */
    loadAvg(relation, column) {
      loadItems(this, Array.from(arguments), "loadAvg");
      return this;
    }
    /** Sets each model's `$extras.<name>_min_<column>` (Eloquent's loadMin). */
    loadMin(relation, column) {
      loadItems(this, Array.from(arguments), "loadMin");
      return this;
    }
    /** Sets each model's `$extras.<name>_max_<column>` (Eloquent's loadMax). */
    loadMax(relation, column) {
      loadItems(this, Array.from(arguments), "loadMax");
      return this;
    }
    /** Lucid's loadAggregate onto every model: `posts.loadAggregate('comments', q => q.sum('votes').as('votes'))`. */
    loadAggregate(name, callback) {
      loadItems(this, [name, callback], "loadAggregate");
      return this;
    }
    /** Plain data for JSON: each item's own `toJSON()` result (models, Dates), other items as they are. */
    toJSON() {
      return mapItems(this, (item) => viaOwnMethod(item, "toJSON"));
    }
    /** Each model's `serialize(cherryPick)` (Lucid), other items as `toJSON()` gives them. */
    serialize(cherryPick) {
      if (cherryPick === void 0) return this.toJSON();
      return mapItems(this, (item) => viaOwnMethod(item, "serialize", cherryPick));
    }
    /** The items' text joined by `glue` (null → '', Dates as ISO); Laravel's `finalGlue` goes before the last item. */
    join(glue = ",", finalGlue = "") {
      return joinItems(this, glue, finalGlue);
    }
    /**
     * The text of one column (or derived value) of every item, joined by `glue` ('' by default, as in
     * Laravel). Items that are not records take the glue alone: `pluck('title').implode(', ')`.
     */
    implode(key, glue) {
      return implodeItems(this, key, glue);
    }
    orderKeys(key, direction, method) {
      return sortKeysOf(key, direction, method, (selected) => mapItems(this, selector(selected)));
    }
    /** The values `key` selects (null or none: the items themselves, as in Laravel); other kinds of key are refused. */
    valuesOf(key, method) {
      return selectedValues(this, key, method);
    }
  };

  // src/collection/Paginator.ts
  var PAGE = /* @__PURE__ */ Symbol("sheetorm.page");
  var Paginator = class _Paginator extends Collection {
    /** A page of `rows` out of `total` (Lucid's argument order); `query.paginate()` makes them. */
    constructor(total = 0, perPage = 20, currentPage = 1, ...rows) {
      super(rows);
      const whole = (n, least) => typeof n === "number" && Number.isInteger(n) && n >= least;
      if (!whole(total, 0) || !whole(perPage, 1) || !whole(currentPage, 1)) {
        throw new ValidationError(`new Paginator(total, perPage, currentPage, ...rows): expected whole numbers (perPage and currentPage at least 1), got ${describeValue(total)}, ${describeValue(perPage)}, ${describeValue(currentPage)}.`);
      }
      setPage(this, total, perPage, currentPage);
    }
    /** A page holding `items` (handed over, not copied). */
    static page(items, total, perPage, currentPage) {
      const page = Object.setPrototypeOf(items, _Paginator.prototype);
      setPage(page, total, perPage, currentPage);
      return page;
    }
    /** Rows matching the query, on every page. */
    get total() {
      return this[PAGE].total;
    }
    /** Rows per page. */
    get perPage() {
      return this[PAGE].perPage;
    }
    /** This page's number (1-based). */
    get currentPage() {
      return this[PAGE].currentPage;
    }
    /** Always 1. */
    get firstPage() {
      return 1;
    }
    /** The last page's number (1 when there are no rows). */
    get lastPage() {
      return Math.max(1, Math.ceil(this.total / this.perPage));
    }
    /** Whether there is more than one page. */
    get hasPages() {
      return this.lastPage > 1;
    }
    /** Whether a page follows this one. */
    get hasMorePages() {
      return this.currentPage < this.lastPage;
    }
    /** Whether the total is known (always, here: one read gives it). */
    get hasTotal() {
      return true;
    }
    /**
     * Sets the path page URLs start with (default '/'): `baseUrl(ScriptApp.getService().getUrl())`.
     * null (what that call gives in a script not deployed as a web app) sets the default.
     */
    baseUrl(url) {
      this[PAGE].url = url === null || url === void 0 ? "/" : String(url);
      return this;
    }
    /** Query-string values kept in page URLs besides `page` (a filter, a sort). */
    queryString(values) {
      this[PAGE].query = { ...values };
      return this;
    }
    /** The URL of page `page`. */
    getUrl(page) {
      const params = { ...this[PAGE].query, page };
      const parts = Object.keys(params).filter((key) => params[key] !== null && params[key] !== void 0).map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`);
      const url = this[PAGE].url;
      const glue = url.indexOf("?") < 0 ? "?" : /[?&]$/.test(url) ? "" : "&";
      return `${url}${glue}${parts.join("&")}`;
    }
    /** The next page's URL, or null on the last page. */
    getNextPageUrl() {
      return this.hasMorePages ? this.getUrl(this.currentPage + 1) : null;
    }
    /** The previous page's URL, or null on the first page. */
    getPreviousPageUrl() {
      return this.currentPage > 1 ? this.getUrl(Math.min(this.currentPage - 1, this.lastPage)) : null;
    }
    /** `{ page, url, isActive }` for each page from `start` to `end` (a pager's links). */
    getUrlsForRange(start, end) {
      const links = [];
      for (let page = Math.max(1, start); page <= end; page++) links.push({ page, url: this.getUrl(page), isActive: page === this.currentPage });
      return links;
    }
    /** The page facts, as Lucid names them. */
    getMeta() {
      return {
        total: this.total,
        per_page: this.perPage,
        current_page: this.currentPage,
        last_page: this.lastPage,
        first_page: this.firstPage,
        first_page_url: this.getUrl(1),
        last_page_url: this.getUrl(this.lastPage),
        next_page_url: this.getNextPageUrl(),
        previous_page_url: this.getPreviousPageUrl()
      };
    }
    // toJSON/serialize give `{ meta, data }` (a PaginatedJSON), not the array Collection's give: typed
    // `any` so a page still passes wherever a Collection is taken. `getMeta()` is typed.
    /** `{ meta, data }` (a PaginatedJSON) for a JSON response: `ContentService.createTextOutput(JSON.stringify(page))`. */
    toJSON() {
      return this.withMeta(super.toJSON());
    }
    /** `{ meta, data }` (a PaginatedJSON) with each model's `serialize(cherryPick)`. */
    serialize(cherryPick) {
      return cherryPick === void 0 ? this.toJSON() : this.withMeta(super.serialize(cherryPick));
    }
    withMeta(data) {
      return { meta: this.getMeta(), data };
    }
  };
  function setPage(page, total, perPage, currentPage) {
    Object.defineProperty(page, PAGE, { value: { total, perPage, currentPage, url: "/", query: {} }, writable: true });
  }

  // src/support/sheetsService.ts
  function enabledSheetsService() {
    const api = typeof Sheets === "undefined" ? void 0 : Sheets;
    const spreadsheets = api && api.Spreadsheets;
    const values = spreadsheets && spreadsheets.Values;
    const complete = values && typeof values.batchGet === "function" && typeof values.batchUpdate === "function" && typeof spreadsheets.batchUpdate === "function";
    return complete ? api : null;
  }
  var SHEETS_SERVICE_MISSING = 'the Sheets advanced service is not enabled: add "Google Sheets API" under Services in the Apps Script editor (or enabledAdvancedServices in appsscript.json).';

  // src/config.ts
  var defaults = () => ({
    spreadsheet: null,
    spreadsheetId: null,
    lock: "script",
    lockTimeoutMs: 1e4,
    debug: false,
    sheetsApi: null,
    retries: 3
  });
  var current = defaults();
  var generation = 0;
  function configure(options = {}) {
    validateOptions(options);
    current = { ...current, ...withoutUndefined(options) };
    if (options.spreadsheet) current.spreadsheetId = null;
    if (options.spreadsheetId && !options.spreadsheet) current.spreadsheet = null;
    if (options.spreadsheet === null && !options.spreadsheetId || options.spreadsheetId === null && !options.spreadsheet) {
      current.spreadsheet = null;
      current.spreadsheetId = null;
    }
    generation++;
    return { ...current };
  }
  function getConfig() {
    return current;
  }
  function configGeneration() {
    return generation;
  }
  function withoutUndefined(options) {
    const result = {};
    for (const key of Object.keys(options)) {
      const value = options[key];
      if (value !== void 0) result[key] = value;
    }
    return result;
  }
  function validateOptions(options) {
    if (options === null || typeof options !== "object" || Array.isArray(options)) {
      throw new ValidationError(`configure(): expected an object of options such as { spreadsheetId: '\u2026', lock: 'script' }, got ${describeValue(options)}.`);
    }
    const known = ["spreadsheet", "spreadsheetId", "lock", "lockTimeoutMs", "debug", "sheetsApi", "retries"];
    for (const key of Object.keys(options)) {
      if (known.indexOf(key) < 0) throw new ValidationError(`configure(): unknown option "${key}" (options: ${known.join(", ")}).`);
    }
    const { lock, lockTimeoutMs, retries, spreadsheet, spreadsheetId } = options;
    if (spreadsheetId !== void 0 && spreadsheetId !== null && (typeof spreadsheetId !== "string" || !spreadsheetId.trim())) {
      throw new ValidationError(`configure(): spreadsheetId must be the id string from the spreadsheet's URL, not ${describeValue(spreadsheetId)}.`);
    }
    if (spreadsheet !== void 0 && spreadsheet !== null && (typeof spreadsheet !== "object" || typeof spreadsheet.getSheetByName !== "function")) {
      throw new ValidationError("configure(): spreadsheet must be a Spreadsheet (e.g. SpreadsheetApp.openById(id)), or null for the active one; to give an id, use spreadsheetId.");
    }
    if (spreadsheet && spreadsheetId) {
      throw new ValidationError(
        `configure(): give spreadsheet or spreadsheetId, not both: the spreadsheet object would be used and the id "${spreadsheetId}" ignored.`
      );
    }
    if (lock === "user") {
      throw new ValidationError(
        "configure(): lock 'user' is not offered: a user lock keeps out only the same user's executions, so two users' creates could take the same key. Use 'script' (default) or 'document'."
      );
    }
    if (lock !== void 0 && lock !== false && lock !== "script" && lock !== "document") {
      const isLock = lock !== null && typeof lock === "object" && typeof lock.tryLock === "function";
      if (!isLock) throw new ValidationError(`configure(): lock must be a Lock (e.g. LockService.getScriptLock()), 'script', 'document' or false.`);
    }
    if (lockTimeoutMs !== void 0 && !(Number.isSafeInteger(lockTimeoutMs) && lockTimeoutMs >= 0)) {
      throw new ValidationError(`configure(): lockTimeoutMs must be a whole number of milliseconds \u2265 0, not ${describeValue(lockTimeoutMs)}.`);
    }
    for (const flag of ["debug", "sheetsApi"]) {
      const value = options[flag];
      if (value !== void 0 && value !== null && typeof value !== "boolean") {
        throw new ValidationError(`configure(): ${flag} must be true or false${flag === "sheetsApi" ? " (or null: detect the service)" : ""}, not ${describeValue(value)}.`);
      }
    }
    if (options.sheetsApi === true && !enabledSheetsService()) throw new ValidationError(`configure({ sheetsApi: true }): ${SHEETS_SERVICE_MISSING}`);
    if (retries !== void 0 && !(Number.isSafeInteger(retries) && retries >= 0)) {
      throw new ValidationError(`configure(): retries must be a whole number \u2265 0, not ${describeValue(retries)}.`);
    }
  }

  // src/storage/service.ts
  var TRANSIENT = [
    /timed out/i,
    /too many times/i,
    /service error/i,
    /internal error/i,
    /try again/i,
    /service unavailable/i,
    /currently unavailable/i,
    /too many simultaneous invocations/i,
    /backend error/i,
    /rate limit/i,
    /server error/i,
    /failed while accessing/i,
    /quota exceeded/i
  ];
  var QUOTA = /quota exceeded|rate limit|resource has been exhausted|RESOURCE_EXHAUSTED/i;
  var NOT_ALLOWED = /You do not have permission to call|Authorization is required to perform that action|does not have permission to perform that action/i;
  function isNotAllowed(error) {
    return !(error instanceof SheetORMError) && NOT_ALLOWED.test(messageOf(error));
  }
  function isRefusal(error) {
    return isNotAllowed(error) || isQuotaRefusal(error) || !(error instanceof SheetORMError) && /You do not have permission|trying to edit a protected cell/i.test(messageOf(error));
  }
  function isQuotaRefusal(error) {
    return !(error instanceof SheetORMError) && (QUOTA.test(messageOf(error)) || httpStatusOf(error) === 429);
  }
  function httpStatusOf(error) {
    const details = error !== null && typeof error === "object" ? error.details : void 0;
    return details && typeof details.code === "number" ? details.code : null;
  }
  function isTransient(error) {
    if (error instanceof SheetORMError) return false;
    const message = messageOf(error);
    return TRANSIENT.some((pattern) => pattern.test(message)) || isQuotaRefusal(error);
  }
  function retried(label, fn, canRetry = isTransient, logged = true) {
    const { retries } = getConfig();
    for (let attempt = 0; ; attempt++) {
      try {
        return logged ? timed(label, fn) : fn();
      } catch (error) {
        if (attempt >= retries || !canRetry(error)) throw asServiceError(label, error, attempt + 1, true);
        pause(attempt, isQuotaRefusal(error));
      }
    }
  }
  function once(label, fn) {
    try {
      return timed(label, fn);
    } catch (error) {
      throw asServiceError(label, error, 1, false);
    }
  }
  function newUuid() {
    return retried("Utilities.getUuid", () => Utilities.getUuid(), isTransient, false);
  }
  var asker = null;
  function askedBy(who, fn) {
    const outer = asker;
    asker = who;
    try {
      return fn();
    } finally {
      asker = outer;
    }
  }
  var failures = /* @__PURE__ */ new WeakMap();
  function asServiceError(label, error, attempts, repeatable) {
    if (error instanceof SheetORMError) return error;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
    const said = messageOf(error).trim();
    const failure = `${label} failed${tries}: ${said}`;
    const who = asker ? `${asker}: ` : "";
    const stop = /[.!?]$/.test(said) ? "" : ".";
    const wrapped = new ServiceError(`${who}${failure}${stop} ${adviceFor(said, isTransient(error), repeatable)}`, error);
    failures.set(wrapped, failure);
    return wrapped;
  }
  function failureOf(error) {
    return typeof error === "object" && error !== null && failures.get(error) || messageOf(error);
  }
  function whoAsked() {
    return asker;
  }
  function adviceOn(error) {
    return adviceFor(messageOf(error).trim(), isTransient(error), false);
  }
  function adviceFor(said, transient, repeatable) {
    if (QUOTA.test(said) || /too many times/i.test(said)) {
      return "A quota of Google's services is used up: make fewer calls (read with one query and with(...), write many rows with createMany or in a transaction) or wait for it to refill, then try again.";
    }
    if (transient) return `This is usually a passing fault of Google's services: try again in a moment${repeatable ? ", or raise configure({ retries })" : ""}.`;
    if (NOT_ALLOWED.test(said)) {
      return "Custom functions (=MYFUNCTION() in a cell) may only read their own spreadsheet, and simple triggers (onOpen, onEdit) cannot open other spreadsheets or use services that need authorisation: run this from a menu item, a button or an installable trigger. Nothing was done by this call.";
    }
    if (/permission|access denied|not authori[sz]ed|authorization is required/i.test(said)) {
      return "Share the spreadsheet with the account the script runs as (and authorise the script), or check the id given to configure({ spreadsheetId }) or _spreadsheetId.";
    }
    if (/protected/i.test(said)) return "The cells are protected: give this account edit rights to them, or remove the protection.";
    if (/not found|does not exist|deleted/i.test(said)) return "Check that the spreadsheet and the sheet still exist and that configure({ spreadsheetId }) or _spreadsheetId names the right spreadsheet.";
    return "Apps Script's own error is in error.cause.";
  }
  function messageOf(error) {
    return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  }
  function timed(label, fn) {
    if (!getConfig().debug) return fn();
    const started = Date.now();
    try {
      return fn();
    } finally {
      log(`[sheetorm] ${label} ${Date.now() - started} ms`);
    }
  }
  function log(line) {
    if (typeof Logger !== "undefined" && Logger && typeof Logger.log === "function") Logger.log(line);
    else if (typeof console !== "undefined") console.log(line);
  }
  function pause(attempt, quota) {
    const ms = quota ? Math.min(4e4, 1e4 * Math.pow(2, attempt)) : Math.min(8e3, 250 * Math.pow(2, attempt)) + Math.floor(Math.random() * 100);
    if (typeof Utilities !== "undefined" && Utilities && typeof Utilities.sleep === "function") Utilities.sleep(ms);
  }

  // src/storage/lock.ts
  function acquireLock(purpose) {
    const { lock: setting3, lockTimeoutMs } = getConfig();
    const unlocked = { release: (wrote, failed) => flushAfter(purpose, wrote, failed) };
    const lock = beforeWriting(() => resolveLock(setting3));
    if (!lock) return unlocked;
    const held = typeof setting3 === "object" && typeof lock.hasLock === "function";
    if (held && beforeWriting(() => retried("Lock.hasLock", () => lock.hasLock()))) return unlocked;
    if (!beforeWriting(() => once("Lock.tryLock", () => tookLock(lock, lockTimeoutMs)))) {
      throw new LockTimeoutError(
        `${purpose}: could not obtain the ${describeSetting(setting3)} lock within ${lockTimeoutMs} ms (another execution is writing). Nothing was written; try again, or raise configure({ lockTimeoutMs }).`
      );
    }
    return {
      release(wrote, failed) {
        let flushError = null;
        try {
          flushAfter(purpose, wrote, failed);
        } catch (error) {
          flushError = error;
        }
        try {
          once("Lock.releaseLock", () => lock.releaseLock());
        } catch (error) {
          if (flushError) throw flushError;
          if (failed) return;
          if (wrote) {
            throw new WriteError(
              `${purpose}: the changes were written and flushed, but releasing the lock failed afterwards (${failureOf(error).replace(/\.$/, "")}); Apps Script releases it when the script ends. Do not retry the write: it went through.`
            );
          }
          throw error;
        }
        if (flushError) throw flushError;
      }
    };
  }
  function tookLock(lock, timeoutMs) {
    try {
      return lock.tryLock(timeoutMs);
    } catch (error) {
      if (/^(Exception: )?Lock timeout/i.test(messageOf(error))) return false;
      try {
        lock.releaseLock();
      } catch {
      }
      throw error;
    }
  }
  function beforeWriting(fn) {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ServiceError) throw new ServiceError(`${error.message} Nothing was written.`, error.cause);
      throw error;
    }
  }
  var kept = null;
  function resolveLock(setting3) {
    if (setting3 === false) return null;
    if (typeof setting3 === "object") return setting3;
    if (typeof LockService === "undefined") {
      throw new SheetORMError("LockService is not defined: run inside Apps Script, install sheetorm/testing, or configure({ lock: false }).");
    }
    if (kept && kept.service === LockService && kept.setting === setting3) return kept.lock;
    const lock = retried(`LockService.get${setting3 === "document" ? "Document" : "Script"}Lock`, () => {
      if (setting3 === "document") return LockService.getDocumentLock();
      return LockService.getScriptLock();
    });
    if (lock) kept = { service: LockService, setting: setting3, lock };
    if (!lock) {
      throw new SheetORMError(`LockService.getDocumentLock() returned null: this script is not bound to a document. Use configure({ lock: 'script' }).`);
    }
    return lock;
  }
  function describeSetting(setting3) {
    return typeof setting3 === "string" ? setting3 : "given";
  }
  function flushAfter(purpose, wrote, failed = false) {
    if (!wrote) return;
    try {
      retried("SpreadsheetApp.flush", () => SpreadsheetApp.flush());
    } catch (error) {
      if (failed) return;
      throw new WriteError(
        `${purpose}: every change was sent to the sheet, but SpreadsheetApp.flush() failed afterwards (${failureOf(error).replace(/\.$/, "")}). The changes were most likely applied and the models count as saved: read the sheet again before retrying, as a blind retry can write them twice.`
      );
    }
  }

  // src/support/cells.ts
  var MAX_CELL_CHARS = 5e4;
  var BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;
  function needsTextGuard(text) {
    if (text === "") return false;
    const first = text.charCodeAt(0);
    if (first === 61 || first === 39 || first === 43 || first === 45 || first === 64 || first === 35) return true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 48 && code <= 57) return true;
    }
    return BOOLEAN_LIKE.test(text);
  }
  function isPlainCell(value) {
    if (value === null || value === void 0 || typeof value === "boolean") return true;
    if (typeof value === "string") return value.length < MAX_CELL_CHARS || value.length === MAX_CELL_CHARS && !needsTextGuard(value);
    return typeof value === "number" && isFinite(value);
  }
  function validateCell(value, target) {
    if (!isPlainCell(value)) toCell(value, target);
  }
  function sheetCell(value) {
    if (value === null) return "";
    return typeof value === "string" && needsTextGuard(value) ? `'${value}` : value;
  }
  function toCell(value, target) {
    if (value === null || value === void 0) return "";
    if (typeof value === "string") {
      const guarded = needsTextGuard(value);
      if (value.length > MAX_CELL_CHARS || guarded && value.length === MAX_CELL_CHARS) {
        const why = value.length > MAX_CELL_CHARS ? "" : `, with the apostrophe that keeps it text (Sheets could parse it otherwise),`;
        throw new ValidationError(
          `${target.describe()}: a value of ${value.length} characters${why} is over Sheets' limit of ${MAX_CELL_CHARS} per cell; shorten it or split it over several columns.`
        );
      }
      return guarded ? `'${value}` : value;
    }
    if (typeof value === "number") {
      if (!isFinite(value)) throw new ValidationError(`${target.describe()}: ${value} cannot be stored in a cell; store a finite number or null.`);
      return value;
    }
    if (typeof value === "boolean") return value;
    if (isDate(value)) {
      if (isNaN(value.getTime())) throw new ValidationError(`${target.describe()}: an invalid Date cannot be stored; check how it was built.`);
      return value;
    }
    if (Array.isArray(value)) {
      throw new ValidationError(
        `${target.describe()}: a list (${describeValue(value)}) cannot be stored in a cell; store one of its items (list[0]: a form's e.namedValues gives each answer as a list) or join them into text (list.join(', ')), or JSON.stringify it.`
      );
    }
    throw new ValidationError(
      `${target.describe()}: ${describeValue(value)} (${typeof value}) cannot be stored in a cell; use a string, number, boolean, Date or null (JSON.stringify objects first).`
    );
  }

  // src/storage/WritePlan.ts
  function layoutAsRead(table) {
    return {
      asRead: true,
      lastRow: table.lastRow,
      appendAt: table.appendAt,
      filler: table.filler,
      width: table.header.width,
      columnOf: (index) => index + 1,
      rowOf: (entry) => entry.rowNumber,
      indexOf: (column) => column - 1
    };
  }
  function planTable(table, layout = layoutAsRead(table)) {
    var _a;
    const owner = table.ref.owner;
    const cells = [];
    const deletedRows = [];
    const appended = [];
    const rowKeys = /* @__PURE__ */ new Map();
    const keyIndexes = table.ref.keyColumns.map((name) => table.header.indexOf(name));
    const keysKnown = keyIndexes.length > 0 && keyIndexes.every((index) => index >= 0);
    const pending = table.pending;
    for (let i = 0; i < pending.length; i++) {
      const entry = pending[i];
      if (entry.rowNumber === null) {
        if (!entry.deleted) appended.push(entry);
        continue;
      }
      if (!entry.deleted && !((_a = entry.changed) == null ? void 0 : _a.size)) continue;
      const row = layout.rowOf(entry);
      if (entry.deleted) {
        if (row !== null) deletedRows.push(row);
        continue;
      }
      if (row === null) {
        throw new ModelNotFoundError(
          `${owner}: a row of ${table.opened.describe()} that this operation updates was deleted by someone else meanwhile; nothing was written.`
        );
      }
      if (keysKnown && entry.original) {
        const { original, values } = entry;
        rowKeys.set(row, [keyIndexes.map((index) => original[index]), keyIndexes.map((index) => values[index])]);
      }
      for (const index of Array.from(entry.changed).sort((a, b) => a - b)) {
        if (entry.original && sameValue(entry.values[index], entry.original[index])) continue;
        const now = layout.cellNow ? layout.cellNow(entry, index) : void 0;
        const before = entry.original ? sheetCell(now === void 0 ? entry.original[index] : now) : void 0;
        cells.push({ row, column: requireColumn(table, layout, index), value: sheetCell(entry.values[index]), before });
      }
    }
    const appendRows = appended.map((entry) => appendRow(table, layout, entry));
    return {
      appendAt: layout.appendAt,
      appendRows,
      filler: layout.filler.slice(0, appendRows.length),
      updates: groupCells(cells),
      deletions: deletionRuns(deletedRows),
      lastRow: layout.lastRow,
      appended,
      deletedRows,
      rowKeys
    };
  }
  function requireColumn(table, layout, index) {
    const column = layout.columnOf(index);
    if (column < 1) {
      throw new ColumnNotFoundError(
        `${table.ref.owner}: column "${table.header.names[index]}" was removed from ${table.opened.describe()} meanwhile; nothing was written.`
      );
    }
    return column;
  }
  function appendRow(table, layout, entry) {
    const row = new Array(layout.width);
    if (layout.asRead) {
      for (let i = 0; i < row.length; i++) row[i] = sheetCell(entry.values[i]);
      return row;
    }
    for (let column = 1; column <= layout.width; column++) {
      const index = layout.indexOf(column);
      row[column - 1] = index < 0 ? "" : sheetCell(entry.values[index]);
    }
    for (let index = 0; index < table.header.width; index++) {
      if (entry.values[index] !== null) requireColumn(table, layout, index);
    }
    return row;
  }
  function groupCells(cells) {
    const sorted = cells.slice().sort((a, b) => a.row - b.row || a.column - b.column);
    const known = cells.length > 0 && cells.every((cell) => cell.before !== void 0);
    const segments = [];
    for (const cell of sorted) {
      const last = segments[segments.length - 1];
      if (last && last.row === cell.row && last.column + last.values[0].length === cell.column) {
        last.values[0].push(cell.value);
        if (last.before) last.before[0].push(cell.before);
      } else {
        segments.push({ row: cell.row, column: cell.column, values: [[cell.value]], ...known ? { before: [[cell.before]] } : {} });
      }
    }
    const byShape = /* @__PURE__ */ new Map();
    for (const segment of segments) {
      const shape = `${segment.column}:${segment.values[0].length}`;
      const blocks2 = byShape.get(shape) || [];
      const last = blocks2[blocks2.length - 1];
      if (last && last.row + last.values.length === segment.row) {
        last.values.push(segment.values[0]);
        if (last.before && segment.before) last.before.push(segment.before[0]);
      } else {
        blocks2.push(segment);
      }
      byShape.set(shape, blocks2);
    }
    const blocks = [].concat(...Array.from(byShape.values()));
    return blocks.sort((a, b) => a.row - b.row || a.column - b.column);
  }
  function deletionRuns(rows) {
    const unique = Array.from(new Set(rows)).sort((a, b) => b - a);
    const runs = [];
    for (const row of unique) {
      const last = runs[runs.length - 1];
      if (last && last.start - 1 === row) {
        last.start = row;
        last.count++;
      } else {
        runs.push({ start: row, count: 1 });
      }
    }
    return runs;
  }
  function isEmptyPlan(plan) {
    return !plan.appendRows.length && !plan.updates.length && !plan.deletions.length;
  }

  // src/storage/rowWrites.ts
  var NotOurRows = class extends Error {
  };
  var TakeBackUnsure = class extends Error {
    constructor(failure) {
      super(messageOf(failure));
      this.failure = failure;
    }
  };
  function restoring(label, fn) {
    try {
      once(label, fn);
    } catch (error) {
      throw isRefusal(error instanceof ServiceError ? error.cause : error) ? error : new TakeBackUnsure(error);
    }
  }
  function clearAppended(label, sheet, at, rows, keys, lookElsewhere = true) {
    const width = rows[0].length;
    if (keys) {
      const found = once(`${label}: reading the rows first`, () => sheet.getRange(at, 1, rows.length, width).getValues());
      const blank = found.map((row) => row.every((cell) => cell === ""));
      const ours = found.map((row, r) => keys.every((key) => sameKey(row[key - 1], rows[r][key - 1])));
      if (found.some((_, r) => !blank[r] && !ours[r])) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
      if (blank.every(Boolean)) {
        if (lookElsewhere && rowsElsewhere(label, sheet, rows, keys, true)) throw new NotOurRows(`${label}: the rows were written and have moved since; they were left as they are.`);
        return;
      }
    }
    restoring(label, () => sheet.getRange(at, 1, rows.length, width).clearContent());
  }
  function rowsElsewhere(label, sheet, rows, keys, exact) {
    if (typeof sheet.getLastRow !== "function") return true;
    const last = once(`${label}: the last row`, () => sheet.getLastRow());
    if (last < 2) return false;
    const held = once(`${label}: looking for the rows`, () => sheet.getRange(2, 1, last - 1, rows[0].length).getValues());
    const byKey = /* @__PURE__ */ new Map();
    for (const row of held) {
      const key = keyText2(row, keys);
      const same = byKey.get(key);
      if (same) same.push(row);
      else byKey.set(key, [row]);
    }
    return rows.some((row) => (byKey.get(keyText2(row.map(unguarded), keys)) || []).some((found) => row.every((cell, c) => cell === "" ? !exact || found[c] === "" : sameCell(found[c], cell))));
  }
  function keyText2(row, keys) {
    return keys.map((key) => String(normalizeKey(row[key - 1]))).join("\0");
  }
  function restoreBlock(label, sheet, block, keys) {
    const { before, values } = block;
    if (!before) throw new NotOurRows(`${label}: what the cells held is not known; they were left as they are.`);
    const height = values.length;
    const width = values[0].length;
    const columns = keys ? keys.columns : [];
    const left = Math.min(block.column, ...columns);
    const right = Math.max(block.column + width - 1, ...columns);
    const found = once(`${label}: reading the cells first`, () => sheet.getRange(block.row, left, height, right - left + 1).getValues());
    const moved = new NotOurRows(`${label}: the cells hold other data now (rows moved); they were left as they are.`);
    let landed = false;
    for (let r = 0; r < height; r++) {
      const held = keys && keys.rows.get(block.row + r);
      if (held && !held.some((tuple) => columns.every((column, k) => normalizeKey(found[r][column - left]) === normalizeKey(tuple[k])))) throw moved;
      for (let c = 0; c < width; c++) {
        const cell = found[r][block.column - left + c];
        if (sameCell(cell, before[r][c])) continue;
        if (!sameCell(cell, values[r][c])) throw moved;
        landed = true;
      }
    }
    if (landed) restoring(label, () => sheet.getRange(block.row, block.column, height, width).setValues(before));
  }
  function blockLanded(block, found, plan) {
    return block.values.some(
      (row, r) => row.some((_, c) => {
        const at = block.row - plan.appendAt + r;
        return !sameValue(found[at][block.column - 1 + c], plan.filler[at][block.column - 1 + c]);
      })
    );
  }
  function sameCell(read, written) {
    return sameValue(read, unguarded(written));
  }
  function sameKey(read, written) {
    return normalizeKey(read) === normalizeKey(unguarded(written));
  }
  function unguarded(written) {
    return typeof written === "string" && written.charAt(0) === "'" ? written.slice(1) : written;
  }
  function keepFormulas(sheet, plan, name, filler) {
    if (!plan.filler.length) return;
    const width = plan.appendRows[0].length;
    const count = plan.appendRows.length;
    const reach = Math.min(filler.length, startBelowTicks(filler, count, () => true) + count);
    const formulas = retried(`"${name}" formulas of rows ${plan.appendAt}\u2013${plan.appendAt + reach - 1}`, () => {
      const range = sheet.getRange(plan.appendAt, 1, reach, width);
      return typeof range.getFormulas === "function" ? range.getFormulas() : null;
    });
    const start = formulas ? startBelowTicks(filler, count, (r, c) => formulas[r][c] === "") : 0;
    const taken = formulas ? Math.min(count, filler.length - start) : 0;
    const takenFormulas = formulas ? formulas.slice(start, start + taken) : [];
    const clash = takenFormulas.some((row, r) => row.some((formula, c) => formula !== "" && plan.appendRows[r][c] !== ""));
    if (taken && !clash) {
      plan.appendAt += start;
      plan.filler = filler.slice(start, start + taken);
      plan.fillerFormulas = takenFormulas;
      return;
    }
    plan.appendAt = plan.lastRow + 1;
    plan.filler = [];
  }
  function startBelowTicks(filler, count, typed) {
    let start = 0;
    for (; ; ) {
      let ticked = -1;
      for (let r = Math.min(filler.length, start + count) - 1; r >= start && ticked < 0; r--) if (filler[r].some((value, c) => value === true && typed(r, c))) ticked = r;
      if (ticked < 0) return start;
      start = ticked + 1;
    }
  }
  function takeFillerCells(plan, columnOf) {
    const formulas = plan.fillerFormulas;
    if (!formulas) return;
    for (let r = 0; r < plan.filler.length; r++) {
      const entry = plan.appended[r];
      const kept2 = [];
      for (let i = 0; i < entry.values.length; i++) {
        const column = columnOf(i) - 1;
        if (entry.values[i] !== null || column < 0) continue;
        const value = plan.filler[r][column];
        if (value === null || value === void 0 || value === "" || formulas[r][column] !== "") continue;
        entry.values[i] = value;
        kept2.push([i, value]);
      }
      if (kept2.length && entry.onLanded) entry.onLanded.forEach((landed) => landed(kept2));
    }
  }
  function fillerBlocks(plan) {
    const rows = plan.appendRows;
    const count = plan.filler.length;
    if (!count) return { over: [], below: rows };
    const whole = wholeColumns(plan);
    const cells = [];
    for (let r = 0; r < count; r++) {
      for (let c = 0; c < rows[r].length; c++) {
        const value = rows[r][c] !== "" ? rows[r][c] : whole[c] ? heldCell(plan.filler[r][c]) : null;
        if (value !== null) cells.push({ row: plan.appendAt + r, column: c + 1, value });
      }
    }
    return { over: groupCells(cells), below: rows.slice(count) };
  }
  function wholeColumns(plan) {
    const rows = plan.appendRows;
    const formulas = plan.fillerFormulas;
    const whole = new Array(rows[0].length).fill(false);
    if (!formulas) return whole;
    for (let c = 0; c < whole.length; c++) {
      let given2 = false;
      let plain2 = true;
      for (let r = 0; r < plan.filler.length && plain2; r++) {
        plain2 = (formulas[r][c] || "") === "" && heldCell(plan.filler[r][c]) !== null;
        if (rows[r][c] !== "") given2 = true;
      }
      whole[c] = plain2 && given2;
    }
    return whole;
  }
  function heldCell(held) {
    if (held === null || held === void 0 || held === "") return "";
    return held === false || held === 0 ? held : null;
  }
  function restoreFiller(label, sheet, plan, over, keys, lookElsewhere = true) {
    const count = plan.filler.length;
    if (keys) {
      const found = once(`${label}: reading the rows first`, () => sheet.getRange(plan.appendAt, 1, count, plan.appendRows[0].length).getValues());
      const ours = found.every((row, r) => keys.every((key) => sameKey(row[key - 1], plan.appendRows[r][key - 1]) || sameKey(row[key - 1], plan.filler[r][key - 1])));
      if (!ours) throw new NotOurRows(`${label}: the rows hold other data now (rows moved); they were left as they are.`);
      if (!over.some((block) => blockLanded(block, found, plan))) {
        if (lookElsewhere && rowsElsewhere(label, sheet, plan.appendRows.slice(0, count), keys, false)) {
          throw new NotOurRows(`${label}: the rows were written and have moved since; they were left as they are.`);
        }
        return;
      }
    }
    for (const block of over) {
      const height = block.values.length;
      const width = block.values[0].length;
      const before = plan.filler.slice(block.row - plan.appendAt, block.row - plan.appendAt + height).map((row) => row.slice(block.column - 1, block.column - 1 + width).map((cell) => sheetCell(cell === void 0 ? null : cell)));
      restoring(`${label} at row ${block.row}, column ${block.column}`, () => sheet.getRange(block.row, block.column, height, width).setValues(before));
    }
  }

  // src/storage/Header.ts
  var Header = class _Header {
    constructor(names) {
      this.names = names;
      this.positions = new Map(names.map((name, index) => [name, index]));
    }
    /**
     * Parses row 1; blank or duplicated names are errors (they would silently lose data). Blank
     * headers past the last named column are ignored unless data rows use them (`dataWidth`).
     */
    static parse(row, where, dataWidth2 = 0, owner = "", zone) {
      const place = () => owner ? `${owner}: ${where.describe()}` : where.describe();
      const names = row.map((cell) => headerText(cell, zone));
      let width = names.length;
      while (width > dataWidth2 && width > 0 && names[width - 1] === "") width--;
      const used = names.slice(0, width);
      const blanks = used.map((name, i) => name === "" ? columnLetter(i + 1) : "").filter((letter) => letter !== "");
      if (blanks.length) {
        let lastNamed = width - 1;
        while (lastNamed >= 0 && used[lastNamed] === "") lastNamed--;
        const one = blanks.length === 1;
        const firstNamed = used.findIndex((name) => name !== "");
        const before = firstNamed > 0;
        const between = used.slice(firstNamed, lastNamed + 1).some((name) => name === "");
        const why = lastNamed < width - 1 ? `the sheet has values up to column ${columnLetter(width)}${used.filter((name) => name !== "").length === 1 ? " (if row 1 holds a title above the header, delete that row: row 1 must be the header row)" : ""}` : `${one ? "it lies" : "they lie"} ${before && between ? "before or between" : before ? "before the" : "between"} named columns`;
        throw new ValidationError(
          `${place()}: ${one ? `column ${blanks[0]} has` : `columns ${blanks.join(", ")} have`} no header in row 1, but ${why}; name ${one ? "it" : "them"} in row 1 or delete ${one ? "the column" : "those columns"}.`
        );
      }
      const seen = /* @__PURE__ */ new Set();
      for (const name of used) {
        if (seen.has(name)) {
          throw new ValidationError(`${place()}: the header "${name}" appears twice in row 1; rename one of the columns.`);
        }
        seen.add(name);
      }
      return new _Header(used);
    }
    /** A header from known names (used for sheets being created). */
    static of(names) {
      return new _Header(names.slice());
    }
    /** Number of named columns. */
    get width() {
      return this.names.length;
    }
    /** 0-based position of a column, or -1. */
    indexOf(name) {
      const position = this.positions.get(name);
      return position === void 0 ? -1 : position;
    }
    /** Whether the sheet has this column. */
    has(name) {
      return this.positions.has(name);
    }
    /** 0-based position of a column, or a ColumnNotFoundError naming who asked and the columns there are. */
    require(name, owner, where, advice = "") {
      const position = this.positions.get(name);
      if (position !== void 0) return position;
      const shown = name.length > 200 ? `${name.slice(0, 200)}\u2026` : name;
      const detail = `${where.describe()} has no column "${shown}"${this.hint(name)} (columns: ${this.list()})${advice}.`;
      throw new ColumnNotFoundError(`${owner}: ${detail}`, name, detail);
    }
    /** The column names as a readable list. */
    list() {
      return this.names.length ? this.names.join(", ") : "none: row 1 is empty";
    }
    hint(name) {
      const loose = (text) => text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
      const wanted = loose(name);
      const close = this.names.find((candidate) => loose(candidate) === wanted);
      if (!close) return "";
      const spacing = close.toLowerCase() !== name.trim().toLowerCase() ? " (the header differs in its spaces or in characters that do not show: retype it)" : "";
      return `; did you mean ${JSON.stringify(close)}${spacing}?`;
    }
  };
  function headerText(cell, zone) {
    if (cell === null || cell === void 0) return "";
    if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
    if (isDate(cell)) {
      const time = cell.getTime();
      if (!zone || Number.isNaN(time)) return cell.toISOString();
      const wall = new Date(time + zoneOffset(zone(), time)).toISOString();
      return wall.endsWith("T00:00:00.000Z") ? wall.slice(0, 10) : `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
    }
    return String(cell).trim();
  }
  function columnLetter(column) {
    let letters = "";
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + (n - 1) % 26) + letters;
    return letters;
  }

  // src/storage/sameValueBlocks.ts
  var RANGES_PER_LIST = 1e3;
  function blockA1(block) {
    const rows = block.values.length;
    const columns = block.values[0].length;
    const start = `${columnLetter(block.column)}${block.row}`;
    return rows === 1 && columns === 1 ? start : `${start}:${columnLetter(block.column + columns - 1)}${block.row + rows - 1}`;
  }
  function sameValueGroups(blocks, grouping = true) {
    const byValue = /* @__PURE__ */ new Map();
    const rest = grouping ? [] : blocks.slice();
    for (const block of grouping ? blocks : []) {
      const value = block.values[0][0];
      const key = valueKey(value);
      if (!block.values.every((row) => row.every((cell) => valueKey(cell) === key))) {
        rest.push(block);
        continue;
      }
      const group = byValue.get(key);
      if (group) group.blocks.push(block);
      else byValue.set(key, { value, blocks: [block] });
    }
    const groups = [];
    byValue.forEach((group) => {
      if (group.blocks.length < 2) rest.push(...group.blocks);
      else for (let i = 0; i < group.blocks.length; i += RANGES_PER_LIST) groups.push({ value: group.value, blocks: group.blocks.slice(i, i + RANGES_PER_LIST) });
    });
    rest.sort((a, b) => a.row - b.row || a.column - b.column);
    return { groups, rest };
  }
  function valueKey(value) {
    return isDate(value) ? `date:${value.getTime()}` : `${typeof value}:${String(value)}`;
  }

  // src/storage/sheetsApi/api.ts
  function sheetsApi() {
    const setting3 = getConfig().sheetsApi;
    if (setting3 === false) return null;
    const api = enabledSheetsService();
    if (api) return givenUp.has(api) ? null : api;
    if (setting3 === true) throw new SheetORMError(`configure({ sheetsApi: true }), but ${SHEETS_SERVICE_MISSING}`);
    return null;
  }
  var UNAVAILABLE = /has not been used in project|it is disabled|SERVICE_DISABLED|accessNotConfigured|insufficient authentication scopes/i;
  var givenUp = /* @__PURE__ */ new WeakSet();
  function isApiUnavailable(error) {
    return !(error instanceof SheetORMError) && (UNAVAILABLE.test(messageOf(error)) || isNotAllowed(error));
  }
  function giveUpOnApi(api, error) {
    if (givenUp.has(api)) return;
    givenUp.add(api);
    log(`[sheetorm] The Sheets advanced service failed (${messageOf(error)}); this execution reads and writes through SpreadsheetApp.`);
  }
  var API_PAUSE_MS = 6e4;
  var ids = /* @__PURE__ */ new WeakMap();
  var zones = /* @__PURE__ */ new WeakMap();
  var sheetIds = /* @__PURE__ */ new WeakMap();
  function spreadsheetIdOf(spreadsheet) {
    let id = ids.get(spreadsheet);
    if (id === void 0) {
      id = retried("Spreadsheet.getId", () => spreadsheet.getId());
      ids.set(spreadsheet, id);
    }
    return id;
  }
  function rememberSpreadsheetId(spreadsheet, id) {
    ids.set(spreadsheet, id);
  }
  function bySpreadsheet(items, spreadsheetOf) {
    const byHandle = /* @__PURE__ */ new Map();
    for (const item of items) {
      const handle = spreadsheetOf(item);
      const group = byHandle.get(handle);
      if (group) group.push(item);
      else byHandle.set(handle, [item]);
    }
    if (byHandle.size < 2) return Array.from(byHandle.values());
    const byId = /* @__PURE__ */ new Map();
    byHandle.forEach((group, handle) => {
      const id = spreadsheetIdOf(handle);
      byId.set(id, (byId.get(id) || []).concat(group));
    });
    return Array.from(byId.values());
  }
  function timeZoneOf(spreadsheet) {
    let zone = zones.get(spreadsheet);
    if (zone === void 0) {
      zone = typeof spreadsheet.getSpreadsheetTimeZone === "function" ? retried("Spreadsheet.getSpreadsheetTimeZone", () => spreadsheet.getSpreadsheetTimeZone()) : scriptZone();
      zones.set(spreadsheet, zone);
    }
    return zone;
  }
  function scriptZone() {
    try {
      return typeof Session !== "undefined" && Session && typeof Session.getScriptTimeZone === "function" ? Session.getScriptTimeZone() : "UTC";
    } catch {
      return "UTC";
    }
  }
  function sheetIdOf(sheet) {
    let id = sheetIds.get(sheet);
    if (id === void 0) {
      id = retried("Sheet.getSheetId", () => sheet.getSheetId());
      sheetIds.set(sheet, id);
    }
    return id;
  }
  function quotedSheet(name) {
    return `'${name.replace(/'/g, "''")}'`;
  }

  // src/storage/sheetsApi/batchWrite.ts
  var UnsentCall = class {
    constructor(failure) {
      this.failure = failure;
    }
  };
  function beforeSending(fn) {
    try {
      return fn();
    } catch (error) {
      throw new UnsentCall(error);
    }
  }
  function batchUpdateCells(sheets) {
    const api = sheetsApi();
    if (!api || writesPaused(api)) return false;
    const id = beforeSending(() => spreadsheetIdOf(sheets[0].opened.spreadsheet));
    const data = beforeSending(
      () => sheets.flatMap(({ opened, blocks }) => {
        const name = retried("Sheet.getName", () => opened.sheet.getName());
        return blocks.map((block) => ({ range: `${quotedSheet(name)}!${blockA1(block)}`, values: block.values }));
      })
    );
    const label = `Sheets.Values.batchUpdate ${describe2(sheets, data.length, "blocks")}`;
    const call = () => {
      api.Spreadsheets.Values.batchUpdate({ valueInputOption: "USER_ENTERED", data }, id);
    };
    return unlessRefused(api, () => once(label, call));
  }
  var writesPausedUntil = /* @__PURE__ */ new WeakMap();
  function writesPaused(api) {
    return Date.now() < (writesPausedUntil.get(api) || 0);
  }
  var TOO_LARGE = /payload size exceeds the limit/i;
  function unlessRefused(api, fn) {
    try {
      fn();
      return true;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (TOO_LARGE.test(messageOf(error.cause))) return false;
      if (isQuotaRefusal(error.cause)) {
        writesPausedUntil.set(api, Date.now() + API_PAUSE_MS);
        return false;
      }
      if (!isApiUnavailable(error.cause)) throw error;
      giveUpOnApi(api, error.cause);
      return false;
    }
  }
  function batchDeleteRows(sheets) {
    const api = sheetsApi();
    if (!api || writesPaused(api)) return false;
    const id = beforeSending(() => spreadsheetIdOf(sheets[0].opened.spreadsheet));
    const requests = beforeSending(
      () => sheets.flatMap(({ opened, runs }) => {
        const sheetId = sheetIdOf(opened.sheet);
        return runs.map((run) => ({
          deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: run.start - 1, endIndex: run.start - 1 + run.count } }
        }));
      })
    );
    return unlessRefused(api, () => once(`Sheets.batchUpdate ${describe2(sheets, requests.length, "deletions")}`, () => api.Spreadsheets.batchUpdate({ requests }, id)));
  }
  function describe2(sheets, count, what) {
    return `${sheets.map(({ name }) => `"${name}"`).join(", ")} ${count} ${what}`;
  }

  // src/storage/writeSteps.ts
  function stepsOf(writes, grown = false) {
    const api = sheetsApi() !== null;
    const cellsByApi = api ? batchedByApi(writes, (w) => apiBlocks(w).length) : /* @__PURE__ */ new Set();
    const runsByApi = api ? batchedByApi(writes, (w) => w.plan.deletions.length) : /* @__PURE__ */ new Set();
    const steps = [];
    let unflushed = grown;
    const add2 = (step2, movesRows = false) => {
      if (movesRows && unflushed) {
        const each = (what) => step2.writes.map(() => what);
        steps.push({ writes: step2.writes, todo: each("flush"), done: each("flushed"), viaApi: false, run: flushBeforeApi, undo: () => void 0, kind: "flush" });
        unflushed = false;
      }
      steps.push(step2);
      if (!step2.viaApi) unflushed = true;
    };
    for (const write of writes) if (write.plan.appendRows.length) add2(appendStep(write));
    for (const write of writes) {
      const own = cellsByApi.has(write) ? write.plan.updates.filter(hasDates) : write.plan.updates;
      const { groups, rest } = sameValueGroups(own, own.length > 1 && hasRangeLists(write.opened.sheet));
      groups.forEach((group) => add2(rangeListStep(write, group.blocks, group.value)));
      rest.forEach((block) => add2(blockStep(write, block)));
    }
    for (const group of bySpreadsheet2(writes.filter((w) => cellsByApi.has(w)))) add2(apiCellsStep(group));
    for (const write of writes) if (!runsByApi.has(write)) write.plan.deletions.forEach((run) => add2(deleteStep(write, run)));
    for (const group of bySpreadsheet2(writes.filter((w) => runsByApi.has(w)))) add2(apiDeletionsStep(group), true);
    return steps;
  }
  function batchedByApi(writes, items) {
    const batched = /* @__PURE__ */ new Set();
    for (const group of bySpreadsheet2(writes)) {
      const withItems = group.filter((write) => items(write) > 0);
      if (withItems.reduce((sum, write) => sum + items(write), 0) > 1) withItems.forEach((write) => batched.add(write));
    }
    return batched;
  }
  function bySpreadsheet2(writes) {
    return bySpreadsheet(writes, (write) => write.opened.spreadsheet);
  }
  function hasDates(block) {
    return block.values.some((row) => row.some(isDate));
  }
  function apiBlocks(write) {
    return write.plan.updates.filter((block) => !hasDates(block));
  }
  function appendStep(write) {
    const { opened, plan, name } = write;
    const span = `rows ${plan.appendAt}\u2013${plan.appendAt + plan.appendRows.length - 1}`;
    const { over, below } = fillerBlocks(plan);
    const belowAt = plan.appendAt + plan.filler.length;
    const run = () => {
      for (const block of over) {
        once(`"${name}" setValues ${block.values.length}\xD7${block.values[0].length} at row ${block.row}, column ${block.column}`, () => {
          opened.sheet.getRange(block.row, block.column, block.values.length, block.values[0].length).setValues(block.values);
        });
      }
      if (!below.length) return;
      once(`"${name}" setValues ${below.length}\xD7${below[0].length} at row ${belowAt}`, () => {
        opened.sheet.getRange(belowAt, 1, below.length, below[0].length).setValues(below);
      });
    };
    const undo = () => {
      const lookElsewhere = !plan.deletions.length;
      if (over.length) restoreFiller(`"${name}" restoring rows ${plan.appendAt}\u2013${belowAt - 1}`, opened.sheet, plan, over, write.keys || null, lookElsewhere);
      if (below.length) clearAppended(`"${name}" clearContent of rows ${belowAt}\u2013${belowAt + below.length - 1}`, opened.sheet, belowAt, below, write.keys || null, lookElsewhere);
    };
    return { writes: [write], todo: [`append ${span}`], done: [`appended ${span}`], viaApi: false, run, undo, kind: "append", severalCalls: over.length + (below.length ? 1 : 0) > 1 };
  }
  function blockStep(write, block) {
    const size = describeBlock(write, block);
    const run = () => writeBlock(write, block);
    const undo = () => restoreBlock(`"${write.name}" restoring ${size}`, write.opened.sheet, block, keyCheck(write));
    return { writes: [write], todo: [`update ${size}`], done: [`updated ${size}`], viaApi: false, run, undo, kind: "update" };
  }
  function hasRangeLists(sheet) {
    return typeof sheet.getRangeList === "function";
  }
  function rangeListStep(write, blocks, value) {
    const what = listed(blocks.map((block) => describeBlock(write, block)));
    const run = () => {
      once(`"${write.name}" RangeList.setValue over ${blocks.length} ranges`, () => {
        write.opened.sheet.getRangeList(blocks.map(blockA1)).setValue(value);
      });
    };
    const undo = () => blocks.forEach((block) => restoreBlock(`"${write.name}" restoring ${describeBlock(write, block)}`, write.opened.sheet, block, keyCheck(write)));
    return { writes: [write], todo: [`update ${what}`], done: [`updated ${what}`], viaApi: false, run, undo, kind: "update" };
  }
  function keyCheck(write) {
    return write.keys ? { columns: write.keys, rows: write.plan.rowKeys } : null;
  }
  function describeBlock(write, block) {
    const size = `${block.values.length}\xD7${block.values[0].length} cells at row ${block.row}`;
    if (!write.columnName) return size;
    const names = [];
    for (let i = 0; i < block.values[0].length; i++) names.push(write.columnName(block.column + i) || `column ${block.column + i}`);
    return `${size} (${names.join(", ")})`;
  }
  function writeBlock(write, block) {
    const { row, column, values } = block;
    once(`"${write.name}" setValues ${values.length}\xD7${values[0].length} at row ${row}, column ${column}`, () => {
      write.opened.sheet.getRange(row, column, values.length, values[0].length).setValues(values);
    });
  }
  function deleteStep(write, run) {
    const rows = runRows(run);
    const call = () => deleteRun(write, run);
    return { writes: [write], todo: [`delete ${rows}`], done: [`deleted ${rows}`], viaApi: false, run: call, kind: "delete" };
  }
  function runRows(run) {
    return `rows ${run.start}\u2013${run.start + run.count - 1}`;
  }
  function deleteRun(write, run) {
    once(`"${write.name}" deleteRows(${run.start}, ${run.count})`, () => write.opened.sheet.deleteRows(run.start, run.count));
  }
  function apiCellsStep(group) {
    const sheets = group.map((write) => ({ opened: write.opened, name: write.name, blocks: apiBlocks(write) }));
    const what = sheets.map((sheet, i) => listed(sheet.blocks.map((block) => describeBlock(group[i], block))));
    const run = () => {
      if (batchUpdateCells(sheets)) return;
      oneByOne(group.flatMap((write) => fallbackCalls(write, apiBlocks(write))));
      flushBeforeApi();
    };
    const undo = () => {
      for (const write of group) for (const block of apiBlocks(write)) restoreBlock(`"${write.name}" restoring ${describeBlock(write, block)}`, write.opened.sheet, block, keyCheck(write));
    };
    return { writes: group, todo: what.map((n) => `update ${n}`), done: what.map((n) => `updated ${n}`), viaApi: true, run, undo, kind: "update" };
  }
  function apiDeletionsStep(group) {
    const sheets = group.map((write) => ({ opened: write.opened, name: write.name, runs: write.plan.deletions }));
    const what = group.map((write) => listed(write.plan.deletions.map(runRows)));
    const run = () => {
      if (batchDeleteRows(sheets)) return;
      oneByOne(group.flatMap((write) => write.plan.deletions.map((each) => ({ write, what: runRows(each), verb: ["delete", "deleted"], run: () => deleteRun(write, each) }))));
    };
    return { writes: group, todo: what.map((n) => `delete ${n}`), done: what.map((n) => `deleted ${n}`), viaApi: true, run, kind: "delete" };
  }
  function fallbackCalls(write, blocks) {
    const { groups, rest } = sameValueGroups(blocks, blocks.length > 1 && hasRangeLists(write.opened.sheet));
    const verb = ["update", "updated"];
    const calls = groups.map((list) => ({
      write,
      what: listed(list.blocks.map((block) => describeBlock(write, block))),
      verb,
      run: () => once(`"${write.name}" RangeList.setValue over ${list.blocks.length} ranges`, () => write.opened.sheet.getRangeList(list.blocks.map(blockA1)).setValue(list.value))
    }));
    return calls.concat(rest.map((block) => ({ write, what: describeBlock(write, block), verb, run: () => writeBlock(write, block) })));
  }
  var StepPartlyDone = class {
    constructor(cause, done, left) {
      this.cause = cause;
      this.done = done;
      this.left = left;
    }
  };
  function oneByOne(calls) {
    calls.forEach((call, i) => {
      try {
        call.run();
      } catch (error) {
        const done = calls.slice(0, i).map((each) => [each.write, `${each.verb[1]} ${each.what}`]);
        throw new StepPartlyDone(error, done, calls.slice(i).map((each) => [each.write, `${each.verb[0]} ${each.what}`]));
      }
    });
  }
  function listed(items) {
    const shown = items.slice(0, LISTED);
    return items.length > LISTED ? `${shown.join(", ")} and ${items.length - LISTED} more` : shown.join(", ");
  }
  var LISTED = 10;
  function flushBeforeApi() {
    retried("SpreadsheetApp.flush", () => SpreadsheetApp.flush());
  }

  // src/storage/applyPlan.ts
  function growAll(plans) {
    const grown = [];
    try {
      for (const { opened, plan, owner, name } of plans) {
        const added = growFor(opened, plan, owner, name);
        if (added) grown.push({ opened, name, ...added });
      }
    } catch (error) {
      shrinkBack(grown);
      throw error;
    }
    return grown;
  }
  function shrinkBack(grown) {
    for (const { opened, from, count, name } of grown) {
      try {
        once(`"${name}" deleteRows(${from}, ${count})`, () => opened.sheet.deleteRows(from, count));
      } catch {
      }
    }
  }
  function growFor(opened, plan, owner, name) {
    const { sheet } = opened;
    const appendEnd = plan.appendAt + plan.appendRows.length - 1;
    const deletesLastRow = plan.deletions.some((run) => run.start + run.count - 1 >= plan.lastRow);
    if ((!plan.appendRows.length || appendEnd <= plan.lastRow) && !deletesLastRow) return null;
    const maxRows = typeof sheet.getMaxRows === "function" ? retried(`"${name}" getMaxRows()`, () => sheet.getMaxRows()) : plan.lastRow;
    let needed = plan.appendRows.length ? appendEnd : 0;
    const deleted = plan.deletions.reduce((sum, run) => sum + run.count, 0);
    const left = Math.max(maxRows, needed) - deleted;
    if (deleted && left <= FEW_ROWS_LEFT) {
      const frozen = typeof sheet.getFrozenRows === "function" ? Math.max(1, retried(`"${name}" getFrozenRows()`, () => sheet.getFrozenRows())) : 1;
      if (left <= frozen) needed = Math.max(needed, deleted + frozen + 1);
    }
    if (needed <= maxRows) return null;
    try {
      once(`"${name}" insertRowsAfter(${maxRows}, ${needed - maxRows})`, () => sheet.insertRowsAfter(maxRows, needed - maxRows));
      return { from: maxRows + 1, count: needed - maxRows };
    } catch (error) {
      const what = `${whoAsked() || owner}: could not add ${needed - maxRows} row${needed - maxRows === 1 ? "" : "s"} to ${opened.describe()} (${failureOf(error)}).`;
      if (/above the limit|10,?000,?000 cells|maximum number of cells/i.test(messageOf(error))) {
        throw new ValidationError(`${what} A spreadsheet holds at most 10,000,000 cells: delete unused rows, columns or sheets. Nothing was written.`);
      }
      const cause = error instanceof ServiceError ? error.cause : error;
      throw new ServiceError(`${what} No value was written. ${adviceOn(cause)}`, cause);
    }
  }
  var FEW_ROWS_LEFT = 10;
  var PlanInterrupted = class {
    constructor(cause, failed, uncertain, remaining, undone = false) {
      this.cause = cause;
      this.failed = failed;
      this.uncertain = uncertain;
      this.remaining = remaining;
      this.undone = undone;
    }
  };
  function writeSheets(writes, progress, grown = false) {
    const steps = stepsOf(writes, grown);
    const starts = [];
    steps.forEach((step2, i) => {
      starts.push(progress.length);
      try {
        step2.run();
      } catch (thrown) {
        const partly = thrown instanceof StepPartlyDone ? thrown : null;
        const failure = partly ? partly.cause : thrown;
        const unsent = failure instanceof UnsentCall;
        const error = unsent ? failure.failure : failure;
        if (partly) partly.done.forEach((entry) => progress.push(entry));
        const left = partly ? partly.left.map(([write, what]) => [write.opened.describe(), what]) : sheetWork([step2]);
        const failedCall = partly ? left.slice(0, 1) : left;
        const unrun = unsent || isRefusal(error instanceof ServiceError ? error.cause : error);
        const stepUnrun = unrun && !(partly && partly.done.length) && !step2.severalCalls;
        const { all, failedStep, unsure } = takeBack(steps.slice(0, i + 1), starts, progress, stepUnrun);
        const unwritten = failedStep || stepUnrun;
        const uncertain = unsure.concat(unwritten ? [] : failedCall);
        const remaining = (unwritten ? left : left.slice(failedCall.length)).concat(sheetWork(steps.slice(i + 1)));
        throw new PlanInterrupted(error, step2.writes, uncertain, remaining, all);
      }
      if (step2.kind !== "flush") step2.writes.forEach((write, w) => progress.push([write, step2.done[w]]));
    });
  }
  function sheetWork(steps) {
    return steps.filter((step2) => step2.kind !== "flush").flatMap((step2) => step2.writes.map((write, w) => [write.opened.describe(), step2.todo[w]]));
  }
  function takeBack(steps, starts, progress, failedUnrun) {
    const unsure = [];
    const deletions = steps.filter((step2) => step2.kind === "delete").length;
    const unrunDeletion = deletions === 1 && steps[steps.length - 1].kind === "delete" && failedUnrun;
    if (deletions && !unrunDeletion) return { all: false, failedStep: false, unsure };
    let all = true;
    let failedStep = failedUnrun;
    for (let i = steps.length - 1; i >= 0; i--) {
      const { undo } = steps[i];
      if (steps[i].kind === "flush" || !undo || i === steps.length - 1 && failedUnrun) continue;
      const end = i === steps.length - 1 ? progress.length : starts[i + 1];
      try {
        undo();
      } catch (error) {
        all = false;
        if (error instanceof TakeBackUnsure) {
          progress.splice(starts[i], end - starts[i]).forEach(([write, what]) => unsure.push([write.opened.describe(), what]));
        }
        continue;
      }
      if (i === steps.length - 1) failedStep = true;
      progress.splice(starts[i], end - starts[i]);
    }
    return { all, failedStep, unsure };
  }

  // src/storage/KeyStats.ts
  var KeyStats = class {
    constructor(rows) {
      this.maxKeys = /* @__PURE__ */ new Map();
      this.textKeys = /* @__PURE__ */ new Map();
      this.textColumns = /* @__PURE__ */ new Map();
      /** What each scanned column holds, so a deletion can update the text facts without a scan. */
      this.counts = /* @__PURE__ */ new Map();
      this.rows = rows;
    }
    /** The largest number key in the column (0 when none). */
    max(column) {
      const max = this.maxKeys.get(column);
      return max === void 0 ? this.scan(column) : max;
    }
    /** Whether the column's numeric keys are mostly text ('1', '2'). */
    keysAreText(column) {
      if (!this.textKeys.has(column)) this.scan(column);
      return this.textKeys.get(column) === true;
    }
    /** Whether the column holds more text than numbers ('A-100' or '7' against 7). */
    holdsText(column) {
      if (!this.textColumns.has(column)) this.scan(column);
      return this.textColumns.get(column) === true;
    }
    /** Raises the maxima scanned so far by a new row's keys. */
    noteInsert(values) {
      if (!this.maxKeys.size) return;
      this.maxKeys.forEach((max, column) => {
        const n = numericKey(values[column]);
        if (n !== null && n > max) this.maxKeys.set(column, n);
      });
      this.count(values, 1);
    }
    /**
     * Notes a deleted row: what is known of a column stays, unless the row held its largest key (then
     * the column is scanned again when next asked for).
     */
    noteRemove(values) {
      this.maxKeys.forEach((max, column) => {
        const n = numericKey(values[column]);
        if (n !== null && n >= max) this.forget(column);
      });
      this.count(values, -1);
    }
    /** Adds a row's cells to (or, with -1, takes them from) the counts of the columns scanned. */
    count(values, step2) {
      this.counts.forEach((count, column) => {
        const value = values[column];
        if (typeof value === "number") count.numbers += step2;
        else if (typeof value === "string") {
          count.strings += step2;
          if (isPlainNumberText(value)) count.texts += step2;
        } else return;
        this.textKeys.set(column, count.texts > count.numbers);
        this.textColumns.set(column, count.strings > count.numbers);
      });
    }
    /** Drops what is known of `column` (of every column for null); it is scanned again when next asked for. */
    forget(column) {
      if (column === null) {
        this.maxKeys.clear();
        this.textKeys.clear();
        this.textColumns.clear();
        this.counts.clear();
        return;
      }
      this.maxKeys.delete(column);
      this.textKeys.delete(column);
      this.textColumns.delete(column);
      this.counts.delete(column);
    }
    /** Counts a column's numbers, number texts and other texts, and notes the largest number key; returns it. */
    scan(column) {
      let max = 0;
      let numbers = 0;
      let texts = 0;
      let strings = 0;
      const rows = this.rows();
      for (let i = 0; i < rows.length; i++) {
        const value = rows[i][column];
        if (typeof value === "number") {
          numbers++;
          if (value > max && isFinite(value)) max = value;
        } else if (typeof value === "string") {
          strings++;
          if (isPlainNumberText(value)) {
            texts++;
            if (Number(value) > max) max = Number(value);
          }
        }
      }
      this.maxKeys.set(column, max);
      this.counts.set(column, { numbers, texts, strings });
      this.textKeys.set(column, texts > numbers);
      this.textColumns.set(column, strings > numbers);
      return max;
    }
  };
  function numericKey(value) {
    if (typeof value === "number") return isFinite(value) ? value : null;
    if (typeof value === "string" && isPlainNumberText(value)) return Number(value);
    return null;
  }

  // src/storage/RowEntry.ts
  var RowEntry = class {
    constructor(values, rowNumber, original) {
      /** Columns (0-based) changed since the read. */
      this.changed = null;
      this.deleted = false;
      /** For a row not yet written: what to do if its insert is rolled back (models read from it become unsaved). */
      this.onWithdraw = null;
      /** For a row appended over a filler row: told the cells it left empty that keep the filler's value (column, value). */
      this.onLanded = null;
      this.values = values;
      this.rowNumber = rowNumber;
      this.original = original;
    }
  };
  function keyOf(values, columns) {
    if (columns.length === 1) return normalizeKey(values[columns[0]]);
    const parts = columns.map((c) => values[c]);
    return parts.some((part) => normalizeKey(part) === "") ? "" : normalizeCompositeKey(parts);
  }

  // src/storage/RowIndexes.ts
  var RowIndexes = class {
    constructor(entries) {
      this.indexes = /* @__PURE__ */ new Map();
      /** Per index: the keys more than one live row holds (typed twice in the sheet). */
      this.duplicates = /* @__PURE__ */ new Map();
      this.signatures = /* @__PURE__ */ new Map();
      this.entries = entries;
    }
    /** The index of the given key columns. */
    get(columns) {
      const signature = columns.join(",");
      let index = this.indexes.get(signature);
      if (!index) {
        index = /* @__PURE__ */ new Map();
        const duplicates = /* @__PURE__ */ new Set();
        const entries = this.entries();
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          if (entry.deleted) continue;
          const key = keyOf(entry.values, columns);
          if (key === "") continue;
          if (!index.has(key)) index.set(key, entry);
          else duplicates.add(key);
        }
        this.indexes.set(signature, index);
        this.duplicates.set(signature, duplicates);
      }
      return index;
    }
    /** Whether more than one live row holds `key` in the given key columns. */
    isDuplicated(columns, key) {
      this.get(columns);
      return this.duplicates.get(columns.join(",")).has(key);
    }
    /** Adds a new row to the indexes built so far. */
    noteInsert(entry) {
      if (!this.indexes.size) return;
      this.indexes.forEach((index, signature) => {
        const key = keyOf(entry.values, this.columnsOf(signature));
        if (key === "") return;
        if (!index.has(key)) index.set(key, entry);
        else this.duplicates.get(signature).add(key);
      });
    }
    /**
     * Takes a deleted row out of the indexes built so far. An index where another row shares its key
     * is dropped instead (rebuilt when next asked for): which row holds the key then needs a scan.
     */
    noteRemove(entry) {
      if (!this.indexes.size) return;
      for (const signature of Array.from(this.indexes.keys())) {
        const index = this.indexes.get(signature);
        const key = keyOf(entry.values, this.columnsOf(signature));
        if (key === "") continue;
        if (this.duplicates.get(signature).has(key)) {
          this.indexes.delete(signature);
          this.duplicates.delete(signature);
        } else if (index.get(key) === entry) index.delete(key);
      }
    }
    /** Drops the indexes that use `column` (every index for null); they are rebuilt when next asked for. */
    forget(column) {
      if (column === null) {
        this.indexes.clear();
        this.duplicates.clear();
        return;
      }
      for (const signature of Array.from(this.indexes.keys())) {
        if (this.columnsOf(signature).indexOf(column) >= 0) {
          this.indexes.delete(signature);
          this.duplicates.delete(signature);
        }
      }
    }
    columnsOf(signature) {
      let columns = this.signatures.get(signature);
      if (!columns) this.signatures.set(signature, columns = signature.split(",").map(Number));
      return columns;
    }
  };

  // src/storage/RowGroups.ts
  var RowGroups = class {
    constructor(entries) {
      this.groupings = [];
      this.entries = entries;
    }
    /** The live rows per value of `column`, keyed by `keyOf` (the normalised key by default). */
    get(column, keyOf2 = normalizeKey) {
      const grouping = this.grouping(column, keyOf2);
      if (!grouping.rows) grouping.rows = this.build(column, keyOf2);
      return grouping.rows;
    }
    /**
     * The live rows whose `column` holds `key` under `keyOf`, or null while one scan is cheaper: the
     * groups are built at the second look-up since the column last changed (a lone query would pay
     * for the Map and use it once; a loop in a session pays once).
     */
    lookup(column, keyOf2, key) {
      const grouping = this.grouping(column, keyOf2);
      if (!grouping.rows && ++grouping.asked < 2) return null;
      return this.get(column, keyOf2).get(key) || [];
    }
    /** Adds a new row (the last in order) to the groups built so far. */
    noteInsert(entry) {
      for (const { column, keyOf: keyOf2, rows } of this.groupings) if (rows) add(rows, keyOf2(entry.values[column]), entry);
    }
    /** Takes a deleted row out of the groups built so far. */
    noteRemove(entry) {
      for (const { column, keyOf: keyOf2, rows } of this.groupings) {
        const group = rows && rows.get(keyOf2(entry.values[column]));
        const at = group ? group.indexOf(entry) : -1;
        if (at >= 0) group.splice(at, 1);
      }
    }
    /** Drops the groups of `column` (every column for null); they are rebuilt when next asked for. */
    forget(column) {
      if (!this.groupings.length) return;
      this.groupings = column === null ? [] : this.groupings.filter((grouping) => grouping.column !== column);
    }
    grouping(column, keyOf2) {
      for (const grouping2 of this.groupings) if (grouping2.column === column && grouping2.keyOf === keyOf2) return grouping2;
      const grouping = { column, keyOf: keyOf2, rows: null, asked: 0 };
      this.groupings.push(grouping);
      return grouping;
    }
    build(column, keyOf2) {
      const rows = /* @__PURE__ */ new Map();
      const entries = this.entries();
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (!entry.deleted) add(rows, keyOf2(entry.values[column]), entry);
      }
      return rows;
    }
  };
  function add(groups, key, entry) {
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }

  // src/storage/readRows.ts
  function hasContent(row) {
    return row.some((cell) => cell !== "" && cell !== null && cell !== void 0);
  }
  function dataWidth(values) {
    let width = 0;
    for (let r = 1; r < values.length; r++) {
      const row = values[r];
      for (let c = row.length - 1; c >= width; c--) {
        if (row[c] !== "" && row[c] !== null && row[c] !== void 0) {
          width = c + 1;
          break;
        }
      }
    }
    return width;
  }
  function blanksToNull(cells, width) {
    if (cells.length !== width) cells.length = width;
    let empty = true;
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (cell === "" || cell === void 0) cells[c] = null;
      else if (cell !== null) empty = false;
    }
    return empty;
  }
  function isPlaceholder(cells, keys) {
    let shown = false;
    let ticked = false;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === false || isSpaces(cell)) continue;
      if (cell === true) ticked = true;
      else if (cell !== 0 && !isFormulaError(cell)) return false;
      shown = true;
    }
    if (keys === null) return !ticked;
    return !shown || keys.every((index) => cells[index] === null || isSpaces(cells[index]));
  }
  var FORMULA_ERRORS = /* @__PURE__ */ new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!"]);
  function isFormulaError(cell) {
    return typeof cell === "string" && cell.charCodeAt(0) === 35 && FORMULA_ERRORS.has(cell);
  }
  function isSpaces(cell) {
    return typeof cell === "string" && cell.trim() === "";
  }

  // src/storage/TableRef.ts
  var cache = null;
  function handles() {
    const app = typeof SpreadsheetApp === "undefined" ? void 0 : SpreadsheetApp;
    if (!cache || cache.app !== app || cache.generation !== configGeneration()) {
      cache = { app, generation: configGeneration(), spreadsheets: /* @__PURE__ */ new Map(), sheets: /* @__PURE__ */ new Map(), names: /* @__PURE__ */ new Map() };
    }
    return cache;
  }
  function forgetHandles() {
    cache = null;
  }
  function openSpreadsheet(pinnedId, owner) {
    const config = getConfig();
    const id = pinnedId || (config.spreadsheet ? null : config.spreadsheetId);
    const key = id ? `id:${id}` : "default";
    const cached = handles().spreadsheets.get(key);
    if (cached) return cached;
    if (typeof SpreadsheetApp === "undefined") {
      throw new SheetORMError("SpreadsheetApp is not defined: run inside Apps Script, or install the stand-in from sheetorm/testing in tests.");
    }
    let spreadsheet;
    if (id) spreadsheet = openById(id, pinnedId ? `${owner || "the model"}._spreadsheetId` : "configure({ spreadsheetId })", owner);
    else spreadsheet = config.spreadsheet || retried("SpreadsheetApp.getActiveSpreadsheet", () => SpreadsheetApp.getActiveSpreadsheet());
    if (!spreadsheet) {
      throw new SheetORMError('No active spreadsheet: this script is not bound to one. Call SheetORM.configure({ spreadsheetId: "\u2026" }) or set Model._spreadsheetId.');
    }
    handles().spreadsheets.set(key, spreadsheet);
    return spreadsheet;
  }
  function openById(id, source, owner) {
    try {
      const spreadsheet = retried(`SpreadsheetApp.openById("${id}")`, () => SpreadsheetApp.openById(id));
      if (spreadsheet) rememberSpreadsheetId(spreadsheet, id);
      return spreadsheet;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const notAllowed = isNotAllowed(error.cause);
      const active2 = notAllowed ? activeWithId(id) : null;
      if (active2) return active2;
      const who = owner ? `${owner}: ` : "";
      const advice = notAllowed ? adviceOn(error.cause) : "Check the id (the part of the spreadsheet's URL between /d/ and /edit) and that this script's account can open it.";
      throw new ServiceError(`${who}could not open the spreadsheet with id "${id}" (from ${source}): ${messageOf(error.cause)} ${advice}`, error.cause);
    }
  }
  function activeWithId(id) {
    try {
      const active2 = once("SpreadsheetApp.getActiveSpreadsheet", () => SpreadsheetApp.getActiveSpreadsheet());
      if (!active2 || once("Spreadsheet.getId", () => active2.getId()) !== id) return null;
      rememberSpreadsheetId(active2, id);
      return active2;
    } catch {
      return null;
    }
  }
  function spreadsheetName(spreadsheet) {
    const names = handles().names;
    let name = names.get(spreadsheet);
    if (name === void 0) {
      try {
        name = spreadsheet.getName();
      } catch (error) {
        name = "(unnamed)";
      }
      names.set(spreadsheet, name);
    }
    return name;
  }
  function cacheKeyOf(ref) {
    return `${ref.spreadsheetId ? `id:${ref.spreadsheetId}` : configuredSpreadsheetKey()}\0${ref.sheetName}`;
  }
  var spreadsheetObjects = /* @__PURE__ */ new WeakMap();
  var nextSpreadsheetObject = 0;
  function configuredSpreadsheetKey() {
    const { spreadsheet, spreadsheetId } = getConfig();
    if (spreadsheet) {
      let n = spreadsheetObjects.get(spreadsheet);
      if (n === void 0) spreadsheetObjects.set(spreadsheet, n = nextSpreadsheetObject++);
      return `object:${n}`;
    }
    return spreadsheetId ? `id:${spreadsheetId}` : "active";
  }
  function lazyOpened(ref, spreadsheet) {
    const cacheKey = cacheKeyOf(ref);
    let opened = null;
    return {
      cacheKey,
      get sheet() {
        return (opened || (opened = openSheetIn(spreadsheet, ref, cacheKey, false))).sheet;
      },
      spreadsheet,
      describe: () => `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"`
    };
  }
  function describeRef(ref) {
    return `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(openSpreadsheet(ref.spreadsheetId, ref.owner))}"`;
  }
  function openSheet(ref) {
    return openSheetIn(openSpreadsheet(ref.spreadsheetId, ref.owner), ref, cacheKeyOf(ref), true);
  }
  function reopenSheet(ref, failed) {
    const sheets = handles().sheets;
    const kept2 = sheets.get(failed.cacheKey);
    if (!kept2 || kept2.sheet !== failed.sheet) return null;
    const spreadsheet = failed.spreadsheet;
    let now;
    let nowId;
    try {
      now = retried("Spreadsheet.getSheetByName", () => spreadsheet.getSheetByName(ref.sheetName), () => false);
      nowId = now && retried(`"${ref.sheetName}" getSheetId()`, () => now.getSheetId(), () => false);
    } catch {
      return null;
    }
    if (now) {
      let keptId = null;
      try {
        keptId = kept2.sheet.getSheetId();
      } catch {
      }
      if (keptId === nowId) return null;
    }
    sheets.delete(failed.cacheKey);
    if (!now) return openSheet(ref);
    const opened = openedSheet(now, spreadsheet, ref, failed.cacheKey);
    sheets.set(failed.cacheKey, opened);
    return opened;
  }
  function sheetNames(spreadsheet) {
    try {
      return spreadsheet.getSheets().map((s) => s.getName());
    } catch {
      return null;
    }
  }
  function openSheetIn(spreadsheet, ref, cacheKey, remember) {
    const cached = handles().sheets.get(cacheKey);
    if (cached && cached.spreadsheet === spreadsheet) return cached;
    const sheet = retried("Spreadsheet.getSheetByName", () => spreadsheet.getSheetByName(ref.sheetName));
    if (!sheet) {
      const names = sheetNames(spreadsheet);
      const fix = ref.owner.indexOf(".") > 0 ? `the relation's pivot sheet name` : `${ref.owner}._table`;
      const near = names && names.find((name) => name.trim().toLowerCase() === ref.sheetName.trim().toLowerCase());
      const advice = near ? `Did you mean "${near}"? Sheet names are matched exactly: set ${fix} to "${near}".` : `Create it (SheetORM.ensureSchema) or correct ${fix}.`;
      const listed2 = names ? ` (sheets: ${names.join(", ") || "none"})` : "";
      throw new SheetNotFoundError(`${ref.owner}: spreadsheet "${spreadsheetName(spreadsheet)}" has no sheet "${ref.sheetName}"${listed2}. ${advice}`);
    }
    const opened = openedSheet(sheet, spreadsheet, ref, cacheKey);
    if (remember) handles().sheets.set(cacheKey, opened);
    return opened;
  }
  function openedSheet(sheet, spreadsheet, ref, cacheKey) {
    return { sheet, spreadsheet, cacheKey, describe: () => `sheet "${ref.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"` };
  }

  // src/storage/Table.ts
  var Table = class _Table {
    constructor(ref, opened, header, values, rowNumbers, lastRow, filler) {
      this.journal = null;
      this.indexes = new RowIndexes(() => this.entries);
      this.groups = new RowGroups(() => this.entries);
      this.keyStats = new KeyStats(() => this.liveValues());
      this.deletedCount = 0;
      /** Row entries, made on first use: a read-only join of a big sheet needs only its values. */
      this.entryList = null;
      /** Rows inserted while the read rows have no entries (an insert into a big sheet makes none). */
      this.added = [];
      this.ref = ref;
      this.opened = opened;
      this.header = header;
      this.asRead = { values, rowNumbers };
      this.lastRow = lastRow;
      this.filler = filler;
    }
    /** The sheet row new rows start at: below the last record, over the filler rows. */
    get appendAt() {
      return this.lastRow - this.filler.length + 1;
    }
    /** One entry per data row (empty rows skipped), then the rows inserted since the read. */
    get entries() {
      if (!this.entryList) {
        const { values, rowNumbers } = this.asRead;
        const list = values.map((cells, i) => new RowEntry(cells, rowNumbers[i], cells));
        for (const entry of this.added) list.push(entry);
        this.entryList = list;
        this.added = [];
        this.asRead = null;
      }
      return this.entryList;
    }
    /** The entries that may hold changes: every entry, or only the inserted ones while read rows have none. */
    get pending() {
      return this.entryList || this.added;
    }
    /** How many rows the table holds (deleted ones included until settled). */
    get size() {
      return this.entryList ? this.entryList.length : this.asRead.values.length + this.added.length;
    }
    /** Whether any row has an entry (until then every row is exactly as read). */
    get hasEntries() {
      return this.entryList !== null || this.added.length > 0;
    }
    /** The current values of the live rows; callers must not change the arrays. */
    liveValues() {
      if (this.entryList) return this.rows().map((entry) => entry.values);
      const values = this.asRead.values;
      if (!this.added.length) return values;
      return values.concat(this.added.filter((entry) => !entry.deleted).map((entry) => entry.values));
    }
    /** The first non-empty value of a column among the live rows, or null. */
    firstValue(column) {
      if (!this.entryList) {
        const values = this.asRead.values;
        for (let i = 0; i < values.length; i++) if (values[i][column] !== null) return values[i][column];
      }
      const entries = this.entryList || this.added;
      for (let i = 0; i < entries.length; i++) if (!entries[i].deleted && entries[i].values[column] !== null) return entries[i].values[column];
      return null;
    }
    /** Each row as read or last written, by sheet row (rows not yet written have none). */
    writtenRows() {
      const rows = /* @__PURE__ */ new Map();
      if (this.asRead) {
        const { values, rowNumbers } = this.asRead;
        for (let i = 0; i < values.length; i++) rows.set(rowNumbers[i], values[i]);
      } else {
        const entries = this.entries;
        for (let i = 0; i < entries.length; i++) if (entries[i].rowNumber !== null) rows.set(entries[i].rowNumber, entries[i].original || entries[i].values);
      }
      return rows;
    }
    /** Reads a sheet with one `getDataRange().getValues()`. */
    static read(ref, opened) {
      const readValues = ({ sheet }) => retried(`"${ref.sheetName}" getDataRange().getValues()`, () => sheet.getDataRange().getValues());
      let values;
      try {
        values = readValues(opened);
      } catch (error) {
        const reopened = reopenSheet(ref, opened);
        if (!reopened) throw error;
        return _Table.fromValues(ref, reopened, readValues(reopened));
      }
      return _Table.fromValues(ref, opened, values);
    }
    /** Builds a table from the values of a sheet's data range. */
    static fromValues(ref, opened, values) {
      const headerRow = values[0] || [];
      const trailingBlank = headerRow.length > 0 && headerText(headerRow[headerRow.length - 1]) === "";
      const header = Header.parse(headerRow, opened, trailingBlank ? dataWidth(values) : 0, ref.owner, () => timeZoneOf(opened.spreadsheet));
      const width = header.width;
      const keyIndexes = ref.keyColumns.map((name) => header.indexOf(name));
      const keys = keyIndexes.length && keyIndexes.every((index) => index >= 0) ? keyIndexes : null;
      const rows = new Array(Math.max(0, values.length - 1));
      const rowNumbers = new Array(rows.length);
      let kept2 = 0;
      for (let r = 1; r < values.length; r++) {
        const cells = values[r];
        if (blanksToNull(cells, width) || isPlaceholder(cells, keys)) continue;
        rows[kept2] = cells;
        rowNumbers[kept2++] = r + 1;
      }
      rows.length = kept2;
      rowNumbers.length = kept2;
      const lastRow = values.length === 1 && width === 0 && !hasContent(headerRow) ? 0 : values.length;
      const lastRecord = kept2 ? rowNumbers[kept2 - 1] : Math.min(1, lastRow);
      return new _Table(ref, opened, header, rows, rowNumbers, lastRow, values.slice(lastRecord, lastRow));
    }
    /** Live rows (not deleted), in sheet order then insertion order. */
    rows() {
      return this.deletedCount ? this.entries.filter((entry) => !entry.deleted) : this.entries.slice();
    }
    /** 0-based column position, or ColumnNotFoundError naming `owner`. */
    column(name, owner = this.ref.owner) {
      const { keySetting, keyColumns: keyColumns2 } = this.ref;
      if (!keySetting || keyColumns2.indexOf(name) < 0 || this.header.has(name)) return this.header.require(name, owner, this.opened);
      const example = this.header.names.filter((column) => /_id$/i.test(column)).slice(0, 2);
      const composite = example.length === 2 ? `, such as ['${example.join("', '")}']` : "";
      return this.header.require(name, owner, this.opened, `; "${name}" is ${keyColumns2.length > 1 ? "part of " : ""}the primary key: set ${keySetting} to the column that identifies a row (an array of columns for a composite key${composite})`);
    }
    /** The entry whose key columns hold `key` (normalised), if any. */
    find(columns, key) {
      return this.index(columns).get(key);
    }
    /** A Map from normalised key to entry for the given key columns (built once, kept up to date). */
    index(columns) {
      return this.indexes.get(columns);
    }
    /** The live rows per normalised value of a column, in order (built once, kept up to date). */
    groupedBy(column) {
      return this.groups.get(column);
    }
    /** The live rows whose `column` holds `key` under `keyOf`, in order; null while a scan is cheaper (see RowGroups.lookup). */
    rowsHolding(column, keyOf2, key) {
      return this.groups.lookup(column, keyOf2, key);
    }
    /** Whether more than one live row holds `key` (normalised) in the given key columns. */
    isDuplicated(columns, key) {
      return this.indexes.isDuplicated(columns, key);
    }
    /** The sheet rows whose key columns hold `key` (normalised), for error messages. */
    rowNumbersHolding(columns, key) {
      const rows = [];
      for (const entry of this.rows()) if (entry.rowNumber !== null && keyOf(entry.values, columns) === key) rows.push(entry.rowNumber);
      return rows;
    }
    /** Adds a new row; values are validated now so nothing bad reaches the sheet. */
    insert(record, owner, uniqueColumns = []) {
      this.requireHeader(owner);
      const values = this.blankRow();
      for (const name of Object.keys(record)) {
        const value = record[name];
        if (value !== void 0) values[this.column(name, owner)] = this.cell(value, owner, name);
      }
      return this.insertRow(values, owner, uniqueColumns);
    }
    /** A row of empty cells, as wide as the header. */
    blankRow() {
      const values = new Array(this.header.width);
      for (let i = 0; i < values.length; i++) values[i] = null;
      return values;
    }
    /** Adds a new row whose values are in header order and came from `cell()`. */
    insertRow(values, owner, uniqueColumns = []) {
      var _a;
      if (uniqueColumns.length) this.assertUnique(values, uniqueColumns, owner);
      const entry = new RowEntry(values, null, null);
      (this.entryList || this.added).push(entry);
      this.afterInsert(entry);
      (_a = this.journal) == null ? void 0 : _a.push(() => {
        const list = this.entryList || this.added;
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        this.afterChange(null);
        if (entry.onWithdraw) entry.onWithdraw.forEach((withdraw) => withdraw());
      });
      return entry;
    }
    /** Changes one cell of a row. */
    set(entry, column, value, owner) {
      var _a;
      const name = this.header.names[column];
      const next = this.cell(value, owner, name);
      if (entry.values === entry.original) entry.values = entry.values.slice();
      const previous = entry.values[column];
      const hadChanged = entry.changed ? new Set(entry.changed) : null;
      entry.values[column] = next;
      if (entry.original) {
        entry.changed = entry.changed || /* @__PURE__ */ new Set();
        entry.changed.add(column);
      }
      this.afterChange(column);
      (_a = this.journal) == null ? void 0 : _a.push(() => {
        entry.values[column] = previous;
        entry.changed = hadChanged;
        this.afterChange(column);
      });
    }
    /** Marks a row for deletion. */
    remove(entry) {
      var _a;
      if (entry.deleted) return;
      entry.deleted = true;
      this.deletedCount++;
      this.indexes.noteRemove(entry);
      this.groups.noteRemove(entry);
      this.keyStats.noteRemove(entry.values);
      (_a = this.journal) == null ? void 0 : _a.push(() => {
        entry.deleted = false;
        this.deletedCount--;
        this.afterChange(null);
      });
    }
    /** `max + 1` of the numeric keys in a column (text holding a whole number counts). */
    nextKey(column) {
      const max = this.keyStats.max(column);
      const next = Math.floor(max) + 1;
      if (!Number.isSafeInteger(next)) {
        throw new ValidationError(
          `${this.ref.owner}: ${this.opened.describe()}: the largest key in column "${this.header.names[column]}" is ${max}, and keys past ${Number.MAX_SAFE_INTEGER} lose precision; supply the keys yourself or set _keyType = 'uuid'. Nothing was written.`
        );
      }
      return next;
    }
    /** Whether the column's numeric keys are mostly text ('1', '2'), as counted by nextKey(). */
    keysAreText(column) {
      return this.keyStats.keysAreText(column);
    }
    /** Whether the column holds more text than numbers ('A-100' or '7' against 7). */
    holdsText(column) {
      return this.keyStats.holdsText(column);
    }
    /** Whether any row was added, changed or deleted. */
    hasChanges() {
      return this.pending.some((e) => {
        var _a;
        return e.deleted ? e.rowNumber !== null : e.rowNumber === null || !!((_a = e.changed) == null ? void 0 : _a.size);
      });
    }
    /**
     * Makes the table match the sheet after its plan was written where it was read: deleted rows
     * leave, rows below them move up, new rows get their row numbers, and every row is clean.
     */
    settle(appendAt, deletedRows, appended, overFiller) {
      const deleted = deletedRows.slice().sort((a, b) => a - b);
      let below = 0;
      let last = 0;
      const shift = (row) => {
        if (row < last) below = 0;
        last = row;
        while (below < deleted.length && deleted[below] < row) below++;
        return row - below;
      };
      let next = appendAt;
      let highest = this.lastRow;
      if (appended) this.filler = overFiller === appended ? this.filler.slice(appendAt - this.appendAt + overFiller) : [];
      if (this.asRead) {
        for (const entry of this.added) {
          if (entry.deleted) continue;
          const row = next++;
          if (row > highest) highest = row;
          this.asRead.values.push(entry.values);
          this.asRead.rowNumbers.push(row);
        }
        this.added = [];
        this.finishSettle(highest, deleted);
        return;
      }
      let kept2 = 0;
      const entries = this.entries;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (entry.deleted) continue;
        const row = entry.rowNumber === null ? next++ : entry.rowNumber;
        if (row > highest) highest = row;
        entry.rowNumber = shift(row);
        entry.original = entry.values;
        entry.changed = null;
        this.entries[kept2++] = entry;
      }
      this.entries.length = kept2;
      this.finishSettle(highest, deleted);
    }
    finishSettle(highest, deleted) {
      this.deletedCount = 0;
      this.lastRow = highest - deleted.filter((row) => row <= highest).length;
      this.journal = null;
      this.afterChange(null);
    }
    /** Throws unless row 1 names the columns. */
    requireHeader(owner) {
      if (this.header.width === 0) {
        throw new ValidationError(
          `${owner}: ${this.opened.describe()} has no header row; put the column names in row 1 (or run SheetORM.ensureSchema).`
        );
      }
    }
    assertUnique(values, columns, owner) {
      const key = keyOf(values, columns);
      const holder = key === "" ? void 0 : this.index(columns).get(key);
      if (holder) {
        const names = columns.map((c) => this.header.names[c]);
        const shown = columns.map((c) => describeValue(values[c])).join(", ");
        const where = holder.rowNumber !== null ? `${this.opened.describe()} already has a row with` : `another new row for ${this.opened.describe()} in this write has`;
        const reused = holder.rowNumber !== null && columns.length === 1 && typeof values[columns[0]] === "number" ? ` (new rows take max + 1 of the ids a sheet holds, so deleting the rows with the highest ids, as an archive job does, hands them out again: _keyType = 'uuid' gives ids that never come back)` : "";
        throw new DuplicateKeyError(`${owner}: ${where} ${names.join(", ")} = ${shown}; give each row its own key${reused}. Nothing was written.`);
      }
    }
    /** A value as this table stores it in `column`: validated, Dates copied, blanks as null. */
    cell(value, owner, column) {
      if (isPlainCell(value)) return value === "" || value === void 0 ? null : value;
      if (isDate(value) && !isNaN(value.getTime())) return new Date(value.getTime());
      validateCell(value, { describe: () => `${owner}.${column} (${this.opened.describe()})` });
      return fromCell(cloneValue(value));
    }
    afterInsert(entry) {
      this.indexes.noteInsert(entry);
      this.groups.noteInsert(entry);
      this.keyStats.noteInsert(entry.values);
    }
    afterChange(column) {
      this.indexes.forget(column);
      this.groups.forget(column);
      this.keyStats.forget(column);
    }
  };

  // src/storage/sheetsApi/dateText.ts
  var DIGIT = /\d/;
  var FULL_NAME = /January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/;
  var SHORT_NAME = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?![a-z])/;
  var WORD = /\b(?:AM|PM|[JFMASONDPap])(?![A-Za-z])/;
  function mayShowDate(text) {
    return DIGIT.test(text) || SHORT_NAME.test(text) || FULL_NAME.test(text) || WORD.test(text);
  }

  // src/storage/sheetsApi/batchRead.ts
  function batchRead(refs) {
    const api = sheetsApi();
    const tables = /* @__PURE__ */ new Map();
    if (!api || Date.now() < (readsPausedUntil.get(api) || 0)) return tables;
    const sheets = refs.map((ref) => ({ ref, spreadsheet: openSpreadsheet(ref.spreadsheetId, ref.owner) }));
    for (const found of bySpreadsheet(sheets, (sheet) => sheet.spreadsheet)) {
      if (sheetsApi() !== api) break;
      const group = found.filter((sheet, i) => found.findIndex((other) => other.ref.sheetName === sheet.ref.sheetName) === i);
      if (group.length > 1) readGroup(api, spreadsheetIdOf(group[0].spreadsheet), group, tables);
    }
    return tables;
  }
  var readsPausedUntil = /* @__PURE__ */ new WeakMap();
  var READ_TRIES = 3;
  function readGroup(api, id, group, tables) {
    const refs = group.map((sheet) => sheet.ref);
    const ranges = refs.map((ref) => quotedSheet(ref.sheetName));
    for (let attempt = 0; attempt < READ_TRIES; attempt++) {
      const shown = batchGet(api, id, ranges, "FORMATTED_STRING");
      if (!shown) return;
      if (refs.some((ref, i) => !shown[i] || sheetOfRange(shown[i].range) !== ref.sheetName)) return;
      const values = withDates(api, id, ranges, shown, group[0].spreadsheet);
      if (values === void 0) return;
      if (values.some((sheet) => sheet === null)) continue;
      refs.forEach((ref, i) => {
        const table = tableOf(ref, group[i].spreadsheet, values[i]);
        if (table) tables.set(cacheKeyOf(ref), table);
      });
      return;
    }
  }
  function withDates(api, id, ranges, shown, spreadsheet) {
    const dated = shown.map((range, i) => mayHoldDates(range) ? i : -1).filter((i) => i >= 0);
    const serials = /* @__PURE__ */ new Map();
    if (dated.length) {
      const serial = batchGet(api, id, dated.map((i) => ranges[i]), "SERIAL_NUMBER");
      if (!serial || serial.length !== dated.length) return void 0;
      dated.forEach((index, i) => serials.set(index, serial[i]));
    }
    let zone = null;
    const zoneOf = () => zone === null ? zone = timeZoneOf(spreadsheet) : zone;
    return shown.map((range, i) => rectangular(range, serials.get(i) || null, zoneOf));
  }
  function mayHoldDates(range) {
    return (range.values || []).some((row) => row.some((cell) => typeof cell === "string" && mayShowDate(cell)));
  }
  function tableOf(ref, spreadsheet, values) {
    try {
      return Table.fromValues(ref, lazyOpened(ref, spreadsheet), values);
    } catch (error) {
      if (error instanceof SheetORMError) return null;
      throw error;
    }
  }
  function sheetOfRange(range) {
    if (!range) return null;
    const name = range.slice(0, range.lastIndexOf("!"));
    return name.charAt(0) === "'" && name.charAt(name.length - 1) === "'" ? name.slice(1, -1).replace(/''/g, "'") : name;
  }
  function batchGet(api, id, ranges, dates) {
    try {
      const response = retried(
        `Sheets.Values.batchGet ${ranges.join(", ")} (${dates})`,
        () => api.Spreadsheets.Values.batchGet(id, { ranges, valueRenderOption: "UNFORMATTED_VALUE", dateTimeRenderOption: dates }),
        (error) => isTransient(error) && !isQuotaRefusal(error)
      );
      return response.valueRanges || [];
    } catch (error) {
      const cause = error instanceof ServiceError ? error.cause : error;
      if (isApiUnavailable(cause)) giveUpOnApi(api, cause);
      else if (isQuotaRefusal(cause) || isTransient(cause)) {
        readsPausedUntil.set(api, Date.now() + API_PAUSE_MS);
        if (getConfig().debug) log(`[sheetorm] Sheets.Values.batchGet failed (${messageOf(cause)}); reads go through SpreadsheetApp for a minute.`);
      }
      return null;
    }
  }
  function rectangular(shown, serial, zoneOf) {
    const rows = shown.values || [];
    const numbers = serial ? serial.values || [] : null;
    if (numbers && numbers.length !== rows.length) return null;
    if (!rows.length) return [[""]];
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const out = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const other = numbers ? numbers[r] : null;
      if (other && other.length !== row.length) return null;
      const cells = new Array(width);
      for (let c = 0; c < width; c++) {
        const cell = c < row.length && row[c] !== null && row[c] !== void 0 ? row[c] : "";
        const asNumber = other ? other[c] : void 0;
        const isDate3 = typeof cell === "string" && typeof asNumber === "number" && mayShowDate(cell);
        if (other && asNumber !== row[c] && !isDate3) return null;
        cells[c] = isDate3 ? serialToDate(asNumber, zoneOf()) : cell;
      }
      out[r] = cells;
    }
    return out;
  }

  // src/storage/recheck.ts
  var FULL_READ_LIMIT = 5e4;
  function unchangedSinceRead(table) {
    const { sheet } = table.opened;
    const name = table.ref.sheetName;
    const keys = keyColumns(table);
    const width = table.header.width;
    if (!keys || width === 0) return false;
    const zone = () => timeZoneOf(table.opened.spreadsheet);
    const sameHeader = (cells, from) => cells.every((cell, i) => headerText(cell, zone) === table.header.names[from + i]);
    try {
      if (table.lastRow >= 2) {
        const first = Math.min(...keys);
        const span = Math.max(...keys) - first + 1;
        const rows = retried(`"${name}" key columns`, () => sheet.getRange(1, first + 1, table.lastRow, span).getValues());
        if (!sameHeader(rows[0], first) || !sameKeys(table, rows, keys, first)) return false;
      }
      const header = retried(`"${name}" header`, () => sheet.getRange(1, 1, 1, width).getValues()[0]);
      if (!sameHeader(header, 0)) return false;
      if (retried(`"${name}" getLastRow()`, () => sheet.getLastRow()) !== table.lastRow) return false;
    } catch {
      return false;
    }
    return fillerUnchanged(table);
  }
  function sameKeys(table, rows, keys, first) {
    const expected = table.writtenRows();
    for (let i = 1; i < rows.length; i++) {
      const row = expected.get(i + 1);
      const want = row ? keyOf(row, keys) : "";
      const have = keys.length === 1 ? normalizeKey(rows[i][keys[0] - first]) : keyOf(rows[i], keys.map((k) => k - first));
      if (want !== have) return false;
    }
    return true;
  }
  function fillerUnchanged(table) {
    const count = table.filler.length;
    if (!count) return true;
    const width = table.header.width;
    const rows = retried(`"${table.ref.sheetName}" rows ${table.appendAt}\u2013${table.lastRow}`, () => table.opened.sheet.getRange(table.appendAt, 1, count, width).getValues());
    return rows.every((row, r) => row.every((cell, c) => sameValue(cell === "" ? null : cell, table.filler[r][c])));
  }
  function recheckLayout(table) {
    if (table.size * table.header.width > FULL_READ_LIMIT && unchangedSinceRead(table)) return layoutAsRead(table);
    const now = Table.read(table.ref, table.opened);
    if (now.opened !== table.opened) {
      table.opened = now.opened;
      return layoutAgainst(table, now);
    }
    return sameAsRead(table, now) ? layoutAsRead(table) : layoutAgainst(table, now);
  }
  function sameAsRead(table, now) {
    if (now.lastRow !== table.lastRow || now.header.names.join("\0") !== table.header.names.join("\0")) return false;
    const then = table.writtenRows();
    const fresh = now.writtenRows();
    if (then.size !== fresh.size) return false;
    if (now.appendAt !== table.appendAt || !sameRows(table.filler, now.filler)) return false;
    for (const [rowNumber, row] of then) {
      const other = fresh.get(rowNumber);
      if (!other || other.length !== row.length) return false;
      for (let c = 0; c < row.length; c++) if (!sameValue(row[c], other[c])) return false;
    }
    return true;
  }
  function sameRows(rows, others) {
    return rows.length === others.length && rows.every((row, r) => row.length === others[r].length && row.every((cell, c) => sameValue(cell, others[r][c])));
  }
  function layoutAgainst(table, now) {
    const columnMap = table.header.names.map((name) => now.header.indexOf(name) + 1);
    const tableIndexOf = /* @__PURE__ */ new Map();
    columnMap.forEach((column, index) => {
      if (column > 0) tableIndexOf.set(column, index);
    });
    const rowsNow = locateByKey(table, now, table.ref.keyColumns);
    if (table.ref.uniqueKeys) assertKeysStillFree(table, now);
    if (table.ref.numberedColumn) assertNumbersStillFree(table, now, table.ref.numberedColumn);
    const byRow = /* @__PURE__ */ new Map();
    for (const entry of now.entries) if (entry.rowNumber !== null) byRow.set(entry.rowNumber, entry);
    return {
      lastRow: now.lastRow,
      appendAt: now.appendAt,
      filler: now.filler,
      width: now.header.width,
      columnOf: (index) => columnMap[index] > 0 ? columnMap[index] : -1,
      indexOf: (column) => {
        const index = tableIndexOf.get(column);
        return index === void 0 ? -1 : index;
      },
      rowOf: (entry) => rowsNow(entry),
      cellNow: (entry, index) => {
        const row = rowsNow(entry);
        const found = row === null ? void 0 : byRow.get(row);
        return found && columnMap[index] > 0 ? found.values[columnMap[index] - 1] : void 0;
      }
    };
  }
  function assertKeysStillFree(table, now) {
    const names = table.ref.keyColumns;
    const columns = names.map((name) => table.header.indexOf(name));
    const nowColumns = names.map((name) => now.header.indexOf(name));
    const taken = now.index(nowColumns);
    const freed = /* @__PURE__ */ new Set();
    const given2 = [];
    for (const entry of table.entries) {
      const before = entry.rowNumber !== null && entry.original ? keyOf(entry.original, columns) : null;
      const after = entry.deleted ? null : keyOf(entry.values, columns);
      if (before !== null && before !== after) freed.add(before);
      if (after !== null && after !== before) given2.push(entry);
    }
    for (const entry of given2) {
      const key = keyOf(entry.values, columns);
      if (key === "" || !taken.has(key) || freed.has(key)) continue;
      const shown = names.map((name, i) => `${name} ${describeValue(entry.values[columns[i]])}`).join(", ");
      throw new DuplicateKeyError(
        `${table.ref.owner}: a row with ${shown} was added to ${table.opened.describe()} by someone else while this write ran, so this one's key is taken; nothing was written. Run it again.`
      );
    }
  }
  function assertNumbersStillFree(table, now, name) {
    const column = table.header.indexOf(name);
    const nowColumn = now.header.indexOf(name);
    if (column < 0 || nowColumn < 0) return;
    const taken = now.index([nowColumn]);
    for (const entry of table.entries) {
      if (entry.rowNumber !== null || entry.deleted) continue;
      const key = keyOf(entry.values, [column]);
      if (key === "" || !taken.has(key)) continue;
      throw new DuplicateKeyError(
        `${table.ref.owner}: a row with ${name} ${describeValue(entry.values[column])} was added to ${table.opened.describe()} by someone else while this write ran, so this one's ${name} is taken; nothing was written. Run it again.`
      );
    }
  }
  function keyColumns(table) {
    const columns = table.ref.keyColumns.map((name) => table.header.indexOf(name));
    return columns.length && columns.every((c) => c >= 0) ? columns : null;
  }
  function locateByKey(table, now, keyNames) {
    const oldColumns = keyNames.map((name) => table.header.indexOf(name));
    const newColumns = keyNames.map((name) => now.header.indexOf(name));
    if (!keyNames.length || oldColumns.some((c) => c < 0) || newColumns.some((c) => c < 0)) {
      throw new ValidationError(
        `${table.ref.owner}: ${table.opened.describe()} has no key column (${keyNames.join(", ") || "none"}) to find rows again before writing; add it or set the model's _primaryKey.`
      );
    }
    const rowsNow = groupBy(now.entries, (entry) => keyOf(entry.values, newColumns));
    const rowsThen = groupBy(
      table.entries.filter((entry) => entry.rowNumber !== null),
      (entry) => keyOf(entry.original || entry.values, oldColumns)
    );
    const columnPairs = table.header.names.map((name, index) => [index, now.header.indexOf(name)]).filter(([, at]) => at >= 0);
    const assigned = /* @__PURE__ */ new Map();
    return (entry) => {
      if (!assigned.has(entry)) {
        const key = keyOf(entry.original || entry.values, oldColumns);
        matchGroup(rowsThen.get(key) || [entry], rowsNow.get(key) || [], columnPairs, assigned, key === "");
      }
      return assigned.get(entry);
    };
  }
  function matchGroup(then, now, columnPairs, assigned, exact = false) {
    const pairs = [];
    for (const entry of then) {
      const before = entry.original || entry.values;
      for (const candidate of now) {
        let score = 0;
        for (const [oldIndex, newIndex] of columnPairs) if (sameValue(before[oldIndex], candidate.values[newIndex])) score++;
        if (exact && score < columnPairs.length) continue;
        pairs.push({ entry, candidate, score, distance: Math.abs(candidate.rowNumber - entry.rowNumber) });
      }
    }
    pairs.sort((a, b) => b.score - a.score || a.distance - b.distance);
    const taken = /* @__PURE__ */ new Set();
    for (const { entry, candidate } of pairs) {
      if (assigned.has(entry) || taken.has(candidate)) continue;
      assigned.set(entry, candidate.rowNumber);
      taken.add(candidate);
    }
    for (const entry of then) if (!assigned.has(entry)) assigned.set(entry, null);
  }
  function groupBy(entries, keyFn) {
    const groups = /* @__PURE__ */ new Map();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const key = keyFn(entry);
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    return groups;
  }

  // src/storage/UnitOfWork.ts
  var UnitOfWork = class {
    constructor(transactional, takeLock = null) {
      this.tables = /* @__PURE__ */ new Map();
      this.journal = [];
      this.stale = /* @__PURE__ */ new Set();
      /** Whether commit() began changing sheets (true even when a later write failed). */
      this.changedSheets = false;
      /** Whether user code (an overridden save()) ran inside: people may have edited the sheets meanwhile. */
      this.ranUserCode = false;
      /** Models a transaction inserted: rolled back, they lose their keys (and rows linked to them their links). */
      this.inserted = /* @__PURE__ */ new WeakSet();
      this.transactional = transactional;
      this.takeLock = takeLock;
    }
    /** Takes the lock before the unit's first read: every read a write relies on is made under it. */
    lockBeforeReading() {
      if (!this.takeLock) return;
      this.takeLock();
      this.takeLock = null;
    }
    /**
     * The table for a ref, read on first use (under the lock). With `byKey`, for writes that find
     * rows by key only (save, delete, create), a big sheet read earlier in the session is reused
     * when its header and keys are unchanged (not in a transaction, whose later queries select rows by
     * value); writes that select rows by value always read afresh.
     */
    table(ref, byKey = false) {
      this.lockBeforeReading();
      const opened = openSheet(ref);
      let table = this.tables.get(opened.cacheKey) || this.sameSheet(ref.sheetName, opened);
      if (!table) {
        const session3 = sessionTables();
        const cached = byKey && session3 && !this.transactional ? session3.get(opened.cacheKey) : void 0;
        const sameKeys2 = cached !== void 0 && cached.ref.keyColumns.join("\0") === ref.keyColumns.join("\0");
        if (cached && sameKeys2 && cached.size * cached.header.width > FULL_READ_LIMIT && unchangedSinceRead(cached)) {
          table = cached;
        } else {
          table = Table.read(ref, opened);
        }
        table.journal = this.journal;
        this.tables.set(opened.cacheKey, table);
      }
      return table;
    }
    /** Remembers how to undo a change to something outside the tables (a model's state). */
    record(undo) {
      this.journal.push(undo);
    }
    /** Runs `fn`; if it throws, every change it made to this unit is undone before the error propagates. */
    savepoint(fn) {
      const mark = this.journal.length;
      try {
        return fn();
      } catch (error) {
        this.rollback(mark);
        throw error;
      }
    }
    /** Undoes changes back to a journal mark (0: everything). */
    rollback(mark = 0) {
      while (this.journal.length > mark) this.journal.pop()();
    }
    /** Validates and writes every change; returns whether anything was written. */
    commit() {
      const changed = this.heldTables().filter((table) => table.hasChanges());
      const plans = changed.map((table) => {
        const layout = this.transactional || this.ranUserCode ? recheckLayout(table) : layoutAsRead(table);
        const columnName = (column) => {
          var _a;
          return (_a = table.header.names[layout.indexOf(column)]) != null ? _a : null;
        };
        return { table, layout, plan: planTable(table, layout), asRead: layout.asRead === true, keys: keyColumnsNow(table, layout), columnName };
      }).filter(({ plan }) => !isEmptyPlan(plan));
      if (!plans.length) return false;
      this.changedSheets = true;
      for (const { table, plan, layout } of plans) if (plan.appendRows.length) keepFormulas(table.opened.sheet, plan, table.ref.sheetName, layout.filler);
      const grown = growAll(plans.map(({ table, plan }) => ({ opened: table.opened, plan, owner: table.ref.owner, name: table.ref.sheetName }))).length > 0;
      const progress = [];
      const writes = plans.map(({ table, plan, keys, columnName }) => ({ opened: table.opened, plan, name: table.ref.sheetName, owner: table.ref.owner, keys, columnName }));
      try {
        writeSheets(writes, progress, grown);
      } catch (error) {
        throw writeFailure(error, progress);
      }
      for (const { table, layout, plan, asRead } of plans) {
        assignRows(plan);
        takeFillerCells(plan, (index) => layout.columnOf(index));
        if (asRead) table.settle(plan.appendAt, plan.deletedRows, plan.appendRows.length, plan.filler.length);
        else this.stale.add(table);
      }
      return true;
    }
    /** Reads the sheets this unit does not hold yet in one batch, when the Sheets API is enabled. */
    prefetch(refs) {
      const missing = refs.filter((ref) => !this.tables.has(cacheKeyOf(ref)));
      if (missing.length < 2) return;
      this.lockBeforeReading();
      batchRead(missing).forEach((table, key) => {
        if (this.sameSheet(table.ref.sheetName, table.opened)) return;
        table.journal = this.journal;
        this.tables.set(key, table);
      });
    }
    /**
     * A table this unit holds for the same sheet under another key (the active spreadsheet also named
     * by its id, say): two tables of one sheet would plan their writes over each other. Only sheets of
     * the same name in different keys cost a look at the spreadsheets' ids.
     */
    sameSheet(sheetName2, opened) {
      for (const table of this.tables.values()) {
        if (table.ref.sheetName !== sheetName2 || table.opened.cacheKey === opened.cacheKey) continue;
        if (sameSpreadsheet(table.opened, opened)) {
          this.tables.set(opened.cacheKey, table);
          return table;
        }
      }
      return void 0;
    }
    /** Each table this unit holds, once (a table may be held under two keys). */
    heldTables() {
      return Array.from(new Set(this.tables.values()));
    }
    /** The tables this unit read, under each key it holds them by, with whether each still matches its sheet. */
    results() {
      return Array.from(this.tables, ([key, table]) => ({ key, table, current: !this.stale.has(table) }));
    }
  };
  function keyColumnsNow(table, layout) {
    const columns = table.ref.keyColumns.map((name) => {
      const index = table.header.indexOf(name);
      return index < 0 ? -1 : layout.columnOf(index);
    });
    return columns.length && columns.every((column) => column > 0) ? columns : null;
  }
  function assignRows(plan) {
    plan.appended.forEach((entry, i) => {
      entry.rowNumber = plan.appendAt + i;
    });
  }
  function writeFailure(error, done) {
    if (!(error instanceof PlanInterrupted)) return error;
    const { cause, failed, uncertain, remaining } = error;
    if (cause instanceof SheetORMError && !(cause instanceof ServiceError)) return cause;
    const where = failed.map((write) => write.opened.describe()).join(" and ");
    const raw = cause instanceof ServiceError ? cause.cause : cause;
    const context = isNotAllowed(raw) ? ` ${adviceOn(raw)}` : "";
    if (error.undone) {
      const again = context ? "" : ", so running it again is safe";
      return new WriteError(
        `${failed[0].owner}: writing to ${where} failed (${failureOf(cause)}). Nothing was written: what was written before the failure was taken back${again}.${context}`
      );
    }
    const perhaps = uncertain.length ? ` Perhaps written (the call that failed may have gone through): ${describeSteps(uncertain)}.` : "";
    const never = remaining.length ? ` Not written: ${describeSteps(remaining)}.` : "";
    return new WriteError(`${failed[0].owner}: writing to ${where} failed (${failureOf(cause)}). Written: ${describeProgress(done) || "nothing"}.${perhaps}${never}${context}`);
  }
  function describeSteps(remaining) {
    const parts = [];
    let sheet = null;
    for (const [where, what] of remaining) {
      if (where === sheet) parts[parts.length - 1] += `, ${what}`;
      else parts.push(`${where}: ${what}`);
      sheet = where;
    }
    return parts.join("; ");
  }
  function describeProgress(done) {
    return describeSteps(done.map(([write, what]) => [write.opened.describe(), what]));
  }
  var active = null;
  var readCache = null;
  var sessionCache = null;
  var sessionGeneration = 0;
  function sessionTables() {
    if (sessionCache && sessionGeneration !== configGeneration()) {
      sessionCache.clear();
      sessionGeneration = configGeneration();
    }
    return sessionCache;
  }
  function runWrite(purpose, fn, transactional = false) {
    if (writesBlocked) throw new WriteBlocked(purpose);
    if (active) {
      const unit = active;
      return askedBy(purpose, () => unit.savepoint(() => fn(unit)));
    }
    return askedBy(purpose, () => writeUnderLock(purpose, fn, transactional));
  }
  function firstMade(fn) {
    try {
      return fn()[0];
    } catch (error) {
      if (error instanceof WriteError && Array.isArray(error.result)) error.result = error.result[0];
      throw error;
    }
  }
  function writeUnderLock(purpose, fn, transactional) {
    const lock = { held: null };
    const take = () => lock.held = askedBy(purpose, () => acquireLock(purpose));
    if (transactional) take();
    const unit = new UnitOfWork(transactional, transactional ? null : take);
    active = unit;
    let wrote = false;
    let committed = false;
    let result;
    try {
      result = fn(unit);
      wrote = unit.commit();
      committed = true;
      return result;
    } catch (error) {
      unit.rollback();
      throw error;
    } finally {
      active = null;
      if (sessionCache) rememberInSession(unit, committed);
      try {
        if (lock.held) lock.held.release(wrote || unit.changedSheets, !committed);
      } catch (error) {
        if (committed && error instanceof WriteError) error.result = result;
        throw error;
      }
    }
  }
  function rememberInSession(unit, committed) {
    const cache2 = sessionCache;
    for (const { key, table, current: current2 } of unit.results()) {
      table.journal = null;
      if (committed && current2) cache2.set(key, table);
      else cache2.delete(key);
      cache2.forEach((other, otherKey) => {
        if (otherKey !== key && other !== table && other.ref.sheetName === table.ref.sheetName && sameSpreadsheet(other.opened, table.opened)) cache2.delete(otherKey);
      });
    }
  }
  function sameSpreadsheet(a, b) {
    return a.spreadsheet === b.spreadsheet || spreadsheetIdOf(a.spreadsheet) === spreadsheetIdOf(b.spreadsheet);
  }
  function readTable(ref) {
    return readInScope(ref, false);
  }
  function rereadTable(ref) {
    return readInScope(ref, true);
  }
  function rereadInSession(ref) {
    if (!active && sessionTables()) rereadTable(ref);
  }
  function readInScope(ref, fresh) {
    if (active) return active.table(ref);
    return askedBy(ref.owner, () => readOutsideWrite(ref, fresh));
  }
  function readOutsideWrite(ref, fresh) {
    const cache2 = sessionTables() || readCache;
    if (!cache2) return Table.read(ref, openSheet(ref));
    const key = cacheKeyOf(ref);
    let table = fresh ? void 0 : cache2.get(key);
    if (!table) {
      table = Table.read(ref, openSheet(ref));
      cache2.set(key, table);
    }
    return table;
  }
  function prefetch(refs) {
    if (active) return active.prefetch(refs);
    const cache2 = sessionTables() || readCache;
    if (!cache2 || refs.length < 2) return;
    const missing = refs.filter((ref) => !cache2.has(cacheKeyOf(ref)));
    if (missing.length < 2) return;
    askedBy(missing[0].owner, () => batchRead(missing)).forEach((table, key) => cache2.set(key, table));
  }
  var writesBlocked = 0;
  var WriteBlocked = class extends SheetORMError {
    constructor(purpose) {
      super(`${purpose}: no write may run here.`);
      this.name = "WriteBlocked";
    }
  };
  function withoutWrites(fn) {
    writesBlocked++;
    try {
      return fn();
    } finally {
      writesBlocked--;
    }
  }
  function recordUndo(undo) {
    if (active) active.record(undo);
  }
  function userCodeRuns() {
    if (active) active.ranUserCode = true;
  }
  function inUnitOfWork() {
    return active !== null;
  }
  function readsAreKept() {
    return sessionCache !== null || active !== null;
  }
  function forgetSessionSheets() {
    if (sessionCache) sessionCache.clear();
  }
  function readScope(fn) {
    if (readCache || sessionCache || active) return fn();
    readCache = /* @__PURE__ */ new Map();
    try {
      return fn();
    } finally {
      readCache = null;
    }
  }
  function session(fn) {
    if (sessionCache) return fn();
    sessionCache = /* @__PURE__ */ new Map();
    sessionGeneration = configGeneration();
    try {
      return fn();
    } finally {
      sessionCache = null;
    }
  }

  // src/relations/naming.ts
  var import_pluralize = __toESM(require_pluralize());
  var PLURAL_OF = {};
  var SINGULAR_OF = {};
  "cookie calorie rookie brownie selfie hoodie smoothie sortie prairie auntie birdie freebie hippie newbie techie veggie beanie bookie lingerie cache niche headache avalanche cliche moustache mustache quiche creche psyche".split(" ").forEach((word) => SINGULAR_OF[`${word}s`] = word);
  "gps dns aws sms os ios cms pos rss sos gis lms https".split(" ").forEach((word) => SINGULAR_OF[word] = word);
  "data metadata".split(" ").forEach((word) => SINGULAR_OF[word] = word);
  "canvas bias lens".split(" ").forEach((word) => {
    SINGULAR_OF[`${word}es`] = word;
    SINGULAR_OF[word] = word;
    PLURAL_OF[word] = `${word}es`;
  });
  function singular(word) {
    if (Object.prototype.hasOwnProperty.call(SINGULAR_OF, word)) return SINGULAR_OF[word];
    return import_pluralize.default.singular(word) || word;
  }
  function pluralName(name) {
    const last = (name.match(/[A-Za-z][a-z]*$/) || [""])[0].toLowerCase();
    if (Object.prototype.hasOwnProperty.call(PLURAL_OF, last)) return name + PLURAL_OF[last].slice(last.length);
    if (/[a-z][A-Z][A-Z\d]+$/.test(name)) return /S$/.test(name) ? name : `${name}s`;
    return (0, import_pluralize.default)(name);
  }
  function snakeCase(text) {
    return text.trim().replace(/([A-Z])([A-Z\d]+)s(?![a-z])/g, (_, first, rest) => `${first}${rest.toLowerCase()}s`).replace(/([a-z\d])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").replace(/[\s\-.]+/g, "_").toLowerCase();
  }
  function singularSnake(sheetName2) {
    const words = snakeCase(sheetName2).split("_");
    const last = words[words.length - 1];
    const plural = /([A-Z][A-Z\d]+)s$/.exec(sheetName2.trim());
    words[words.length - 1] = plural && last === `${plural[1].toLowerCase()}s` ? plural[1].toLowerCase() : singular(last);
    return words.join("_");
  }
  function foreignKeyFor(stem, key) {
    return `${stem}_${key}`;
  }
  function defaultForeignKey(stem, primaryKeys2, matchedKey) {
    return foreignKeyFor(stem, primaryKeys2.length === 1 ? primaryKeys2[0] : matchedKey);
  }
  function pivotSheetFor(parentStem, relatedStem) {
    return [parentStem, relatedStem].sort().join("_");
  }

  // src/model/meta.ts
  function classOf3(model) {
    return Object.getPrototypeOf(model).constructor;
  }
  function modelName(model) {
    return model.name || sheetName(model);
  }
  function declared(model, names) {
    for (let cls = model; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      for (const name of names) {
        if (!Object.prototype.hasOwnProperty.call(cls, name)) continue;
        const getter = Object.getOwnPropertyDescriptor(cls, name).get;
        if (getter && resolvedGetters.has(getter)) continue;
        const value = Reflect.get(cls, name, model);
        if (value !== void 0 && value !== null) return { name, value };
      }
    }
    return void 0;
  }
  function setting(model, names) {
    const found = declared(model, names);
    return found ? found.value : void 0;
  }
  var resolvedGetters = /* @__PURE__ */ new WeakSet();
  var resolving = /* @__PURE__ */ new Set();
  function defineResolvedSettings(base) {
    const resolvers = {
      primaryKey: (model) => {
        const keys = primaryKeys(model);
        return keys.length === 1 ? keys[0] : keys;
      },
      table: sheetName,
      entity: sheetName
    };
    Object.keys(resolvers).forEach((name) => {
      const get = function() {
        if (resolving.has(this)) return void 0;
        resolving.add(this);
        try {
          return resolvers[name](this);
        } finally {
          resolving.delete(this);
        }
      };
      resolvedGetters.add(get);
      Object.defineProperty(base, name, {
        configurable: true,
        get,
        set(value) {
          Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
        }
      });
    });
  }
  function sheetName(model) {
    const name = setting(model, ["_table", "entity", "table"]);
    if (typeof name === "string" && name.trim()) return name;
    if (name !== void 0 && name !== null) {
      throw new ValidationError(`${model.name || "Model"}._table must be a sheet name (a non-empty string), not ${describeValue(name)}.`);
    }
    if (!model.name) throw new ValidationError('An anonymous model class needs a sheet name: set Model._table = "SheetName".');
    return pluralName(model.name);
  }
  function keyStem(model) {
    const table = sheetName(model);
    const named = setting(model, ["_table", "entity", "table"]);
    return (named === void 0 || named === null) && table !== model.name ? snakeCase(model.name) : singularSnake(table);
  }
  function primaryKeys(model) {
    var _a;
    const key = (_a = setting(model, ["_primaryKey", "primaryKey"])) != null ? _a : "id";
    const keys = Array.isArray(key) ? key : [key];
    if (!keys.length || keys.some((k) => typeof k !== "string" || !k)) {
      throw new ValidationError(`${modelName(model)}._primaryKey must be a column name or an array of column names.`);
    }
    return keys.slice();
  }
  function usesUuid(model) {
    return setting(model, ["_keyType", "keyType"]) === "uuid";
  }
  var INCREMENTING = [void 0, null, "increment", "int", "integer"];
  function assertKeyMaker(model) {
    const found = declared(model, ["_keyType", "keyType"]);
    const type = found ? found.value : void 0;
    if (type === "uuid" || INCREMENTING.indexOf(type) >= 0) return;
    const setting3 = found.name;
    throw new ValidationError(
      `${modelName(model)}.${setting3} is ${describeValue(type)}, so sheetorm cannot make a key for a new row: supply the key, or set ${setting3} to 'uuid' (Utilities.getUuid()) or 'increment' (max + 1, the default).`
    );
  }
  function pinnedSpreadsheetId(model) {
    const id = model._spreadsheetId;
    if (id === void 0 || id === null) return null;
    if (typeof id !== "string" || !id.trim()) {
      throw new ValidationError(`${modelName(model)}._spreadsheetId must be the id string from the spreadsheet's URL (or null for the configured spreadsheet), not ${describeValue(id)}.`);
    }
    return id;
  }
  function spreadsheetZone(model) {
    try {
      return timeZoneOf(openSpreadsheet(pinnedSpreadsheetId(model), modelName(model)));
    } catch (error) {
      if (error instanceof SheetORMError && !(error instanceof ServiceError)) return void 0;
      throw error;
    }
  }
  function tableRef(model) {
    return {
      sheetName: sheetName(model),
      spreadsheetId: pinnedSpreadsheetId(model),
      owner: modelName(model),
      keyColumns: primaryKeys(model),
      keySetting: `${modelName(model)}._primaryKey`,
      uniqueKeys: true
    };
  }
  function isKeyValue(value) {
    if (typeof value === "number") return Number.isFinite(value);
    if (isDate(value)) return !Number.isNaN(value.getTime());
    return typeof value === "string" || typeof value === "boolean";
  }
  function keyValues(owner, keys, id) {
    if (id === null) return null;
    let values;
    if (keys.length === 1) values = [id];
    else if (Array.isArray(id)) values = id;
    else if (isPlainObject(id)) values = keys.map((key) => id[key]);
    else values = [id];
    if (values.length !== keys.length || values.some((value) => value !== null && !isKeyValue(value))) {
      throw new ValidationError(`${owner}.find(${describeValue(id)}): expected a value for ${keys.join(", ")}${keys.length > 1 ? " (an array or object)" : ""}.`);
    }
    return values.some(isBlankKey) ? null : values;
  }

  // src/query/relationCallback.ts
  var relationCallbackQueries = /* @__PURE__ */ new WeakSet();
  function constrainRelationQuery(query, callback) {
    if (typeof callback !== "function") return query;
    relationCallbackQueries.add(query);
    callback(query);
    return query;
  }
  function refusePaginateInCallback(query, owner) {
    if (!relationCallbackQueries.has(query)) return;
    throw new ValidationError(
      `${owner}.paginate(): a relation callback (with, preload, withCount, has) only constrains the related rows of all parents at once, so a page means nothing there; use groupLimit(n) for at most n per parent, or page one parent's rows: parent.related(name).query().paginate(page, perPage).`
    );
  }

  // src/model/attributes.ts
  var collisionCache = /* @__PURE__ */ new WeakMap();
  var layoutCache = /* @__PURE__ */ new WeakMap();
  var lastPrototype = null;
  var lastNames = null;
  function collides(prototype, name) {
    let names = prototype === lastPrototype ? lastNames : collisionCache.get(prototype);
    if (!names) {
      names = /* @__PURE__ */ new Map();
      collisionCache.set(prototype, names);
    }
    lastPrototype = prototype;
    lastNames = names;
    let result = names.get(name);
    if (result === void 0) {
      result = name in prototype || name === "prototype" || isFieldsRelation(prototype, name);
      names.set(name, result);
    }
    return result;
  }
  function isFieldsRelation(prototype, name) {
    const model = prototype.constructor;
    if (typeof model !== "function" || !("fields" in model)) return false;
    const fields = fieldsOf(model);
    return Object.prototype.hasOwnProperty.call(fields, name) && fields[name] instanceof Relation;
  }
  function isRelationData(value) {
    return typeof value === "function" || value !== null && typeof value === "object" && !isDate(value);
  }
  function isOwnAttribute(model, name, value) {
    if (typeof value === "function") return false;
    if (name === "serializeExtras" && typeof value === "boolean") return false;
    const loaded = isLoadedRelation(model, name);
    if (value === null) return !loaded;
    if (!isRelationData(value)) return true;
    return !loaded && !isRelationKey(classOf3(model), name);
  }
  function ownCollided(model, name) {
    if (!Object.prototype.hasOwnProperty.call(model, name)) return void 0;
    const value = model[name];
    return isOwnAttribute(model, name, value) ? value : void 0;
  }
  var lastLayout = null;
  function collisions(prototype, columns) {
    if (lastLayout && lastLayout.prototype === prototype && lastLayout.columns === columns) return lastLayout.flags;
    let byPrototype = layoutCache.get(columns);
    if (!byPrototype) {
      byPrototype = /* @__PURE__ */ new Map();
      layoutCache.set(columns, byPrototype);
    }
    let flags = byPrototype.get(prototype);
    if (!flags) {
      flags = columns.map((name) => collides(prototype, name));
      byPrototype.set(prototype, flags);
    }
    lastLayout = { prototype, columns, flags };
    return flags;
  }
  function anyCollides(prototype, columns) {
    return collisions(prototype, columns).indexOf(true) >= 0;
  }
  function readAttribute(model, name) {
    if (collides(Object.getPrototypeOf(model), name)) {
      const own = ownCollided(model, name);
      if (own !== void 0) return own;
      const shadow = heldShadow(model);
      return shadow ? shadow[name] : void 0;
    }
    return model[name];
  }
  function keepAssignedAttribute(model, name) {
    if (!collides(Object.getPrototypeOf(model), name)) return;
    const own = ownCollided(model, name);
    if (own !== void 0) shadowOf(model)[name] = own;
  }
  function writeAttribute(model, name, value) {
    if (collides(Object.getPrototypeOf(model), name)) {
      shadowOf(model)[name] = value;
      if (ownCollided(model, name) !== void 0) delete model[name];
    } else {
      setOwn(model, name, value);
    }
  }
  function removeAttribute(model, name) {
    if (collides(Object.getPrototypeOf(model), name)) {
      const shadow = heldShadow(model);
      if (shadow) delete shadow[name];
    }
    if (Object.prototype.hasOwnProperty.call(model, name) && !isLoadedRelation(model, name)) delete model[name];
  }
  function assignRow(model, columns, values, frozen = false) {
    const state = stateOf(model);
    const collided = collisions(Object.getPrototypeOf(model), columns);
    const target = model;
    for (let i = 0; i < columns.length; i++) {
      let value = values[i] === void 0 ? null : values[i];
      if (value !== null && typeof value === "object") value = cloneValue(value);
      if (collided[i]) writeAttribute(model, columns[i], value);
      else target[columns[i]] = value;
    }
    state.columns = columns;
    state.original = frozen && values.length === columns.length ? values : copyRow(values, columns.length);
  }
  function copyRow(values, width) {
    const copy = new Array(width);
    for (let i = 0; i < width; i++) copy[i] = values[i] === void 0 ? null : values[i];
    return copy;
  }
  function forEachAttribute(model, fn) {
    const related = hasLoadedRelations(model);
    const prototype = Object.getPrototypeOf(model);
    const keys = Object.keys(model);
    let assigned = null;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = model[key];
      if (related && isLoadedRelation(model, key) || collides(prototype, key)) {
        if (!isOwnAttribute(model, key, value)) continue;
        (assigned || (assigned = [])).push(key);
      }
      fn(key, value);
    }
    const shadow = heldShadow(model);
    if (shadow) {
      for (const key of Object.keys(shadow)) if (!assigned || assigned.indexOf(key) < 0) fn(key, shadow[key]);
    }
  }
  function attributesOf(model) {
    const result = emptyRecord();
    forEachAttribute(model, (name, value) => {
      result[name] = value;
    });
    return result;
  }
  function fillMissing(model, columns, values) {
    const collided = collisions(Object.getPrototypeOf(model), columns);
    const target = model;
    let filled = null;
    for (let i = 0; i < columns.length; i++) {
      if (collided[i]) {
        const shadow = shadowOf(model);
        if (shadow[columns[i]] !== void 0) continue;
        shadow[columns[i]] = cloneValue(values[i]);
      } else if (target[columns[i]] === void 0) {
        setOwn(target, columns[i], cloneValue(values[i]));
      } else continue;
      (filled || (filled = [])).push(columns[i]);
    }
    return filled;
  }
  function dirtyAttributes(model) {
    const state = stateOf(model);
    const current2 = attributesOf(model);
    const dirty = {};
    const keys = Object.keys(current2);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const value = current2[key];
      if (value === void 0) continue;
      const read = (state.persisted || state.deleted) && state.columns && state.original;
      const index = read ? columnIndex(state.columns, key) : -1;
      if (read && index < 0 && value === null && isRelationKey(classOf3(model), key)) continue;
      if (index >= 0 && sameValue(value, state.original[index])) continue;
      if (index >= 0 && (sameAsOwnText(value, state.original[index]) || sameKeyValue(model, key, value, state.original[index]))) continue;
      setOwn(dirty, key, value);
    }
    return dirty;
  }
  function sameKeyValue(model, name, value, original) {
    if (typeof value !== "string" && typeof original !== "string") return false;
    if (!primaryKeys(classOf3(model)).includes(name)) return false;
    const key = normalizeKey(value);
    return key !== "" && key === normalizeKey(original);
  }
  function clearAttributes(model) {
    for (const key of Object.keys(model)) if (!isLoadedRelation(model, key)) delete model[key];
    stateOf(model).shadow = null;
  }
  function syncOriginal(state, model, columns) {
    const before = state.columns && state.original ? { columns: state.columns, values: state.original } : null;
    state.columns = columns;
    state.original = columns.map((name) => {
      const value = readAttribute(model, name);
      const index = before ? columnIndex(before.columns, name) : -1;
      if (before && index >= 0 && sameAsOwnText(value, before.values[index])) return before.values[index];
      return value === void 0 ? null : cloneValue(value);
    });
  }

  // src/relations/callerName.ts
  var V8Error = Error;
  var FRAMES = 6;
  var namers = /* @__PURE__ */ new WeakMap();
  function rememberCaller(relation, above, check) {
    const record = recordCalls(above);
    if (!record) return;
    let name;
    namers.set(relation, () => {
      if (name === void 0) {
        name = null;
        name = firstRelationMethod(calledNames(record), check);
      }
      return name;
    });
  }
  function firstRelationMethod(names, check) {
    for (const name of names) {
      const verdict = name === "" ? null : check(name);
      if (verdict !== null) return verdict ? name : null;
    }
    return null;
  }
  function callerName(relation) {
    const namer = namers.get(relation);
    return namer ? namer() : null;
  }
  function recordCalls(above) {
    if (typeof V8Error.captureStackTrace !== "function") return null;
    const record = {};
    const limit = V8Error.stackTraceLimit;
    try {
      setting2(() => V8Error.stackTraceLimit = FRAMES);
      V8Error.captureStackTrace(record, above);
    } catch {
      return null;
    } finally {
      setting2(() => V8Error.stackTraceLimit = limit);
    }
    return record;
  }
  function calledNames(record) {
    const prepare = V8Error.prepareStackTrace;
    try {
      if (!setting2(() => V8Error.prepareStackTrace = (_error, frames) => frames.map(nameOf))) return [];
      const names = record.stack;
      return Array.isArray(names) ? names : [];
    } catch {
      return [];
    } finally {
      setting2(() => V8Error.prepareStackTrace = prepare);
    }
  }
  function setting2(assign) {
    try {
      assign();
      return true;
    } catch {
      return false;
    }
  }
  function nameOf(frame) {
    const name = frame.getMethodName() || frame.getFunctionName() || "";
    return name.slice(name.lastIndexOf(".") + 1);
  }
  var defining = null;
  function whileDefining(name, fn) {
    const outer = defining;
    defining = name;
    try {
      return fn();
    } finally {
      defining = outer;
    }
  }
  function definingName() {
    return defining;
  }

  // src/relations/Relation.ts
  var Relation = class {
    constructor(model, related, options = {}) {
      /** The name it was defined under (`tags`). */
      this.relationName = "";
      /** Whether keys have been resolved. */
      this.booted = false;
      /** The key column on the parent side. */
      this.localKey = "";
      if (typeof related !== "function") {
        const name = definingName();
        const hint = typeof related === "string" ? `: pass the class itself (${related}) or a function returning it (() => ${related}), not its name` : "";
        throw new SheetORMError(`${modelName(model)}${name ? `.${name}` : ""}: a relation needs a model class (or a function returning one), got ${describeValue(related)}${hint}.`);
      }
      this.model = model;
      this.related = related;
      this.serializeAs = options.serializeAs === void 0 ? "" : options.serializeAs;
      this.onQuery = options.onQuery;
    }
    /** The related model class (a thunk is resolved on each call). */
    relatedModel() {
      const input = this.related;
      if (input.prototype && typeof input.$getRelation === "function") return this.related;
      let resolved;
      let isClass = false;
      try {
        resolved = this.related();
      } catch (error) {
        if (!isErrorNamed(error, "TypeError") || !/^class\b/.test(Function.prototype.toString.call(this.related))) throw error;
        isClass = true;
      }
      if (typeof resolved !== "function" || typeof resolved.$getRelation !== "function") {
        const named = input.prototype ? this.related.name : "";
        throw new SheetORMError(
          named ? `${this.label()}: ${named} is neither a model class (a class extending SheetORM.Model) nor a function returning one${isClass ? "" : `: calling it returned ${describeValue(resolved)}`}.` : `${this.label()}: the related model thunk returned ${describeValue(resolved)}, not a model class (is that class defined yet?).`
        );
      }
      return resolved;
    }
    /** Resolves default keys once. */
    boot() {
      if (this.booted) return;
      this.resolveKeys();
      this.booted = true;
    }
    /**
     * The key column of `model` the relation matches on when none is named. A composite key has no
     * such column: matching on its first part would join rows of other keys, so it must be named.
     */
    defaultKey(model, howToName) {
      const keys = primaryKeys(model);
      if (keys.length === 1) return keys[0];
      throw new ValidationError(
        `${this.label()}: ${modelName(model)} has a composite primary key (${keys.join(", ")}) and a relation matches on one column; name that column: ${howToName}.`
      );
    }
    /** `Post.tags`, for messages (a relation its method built for one model is named after that method). */
    label() {
      return `${modelName(this.model)}.${this.relationName || callerName(this) || definingName() || "(relation)"}`;
    }
    /** The sheets loading this relation reads. */
    tables() {
      return [tableRef(this.relatedModel())];
    }
    /** Sets a loaded relation on a parent: a model or null, or for hasMany/manyToMany a Collection or an array. */
    setRelated(parent, related) {
      this.requireModel(parent, "setRelated");
      const many = this.type === "hasMany" || this.type === "manyToMany";
      if (related === void 0 && this.type === "hasOne") return;
      if (related === void 0 && this.type === "belongsTo") related = null;
      if (Array.isArray(related)) {
        if (!many) throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds one model or null, not an array.`);
        if (!(related instanceof Collection)) related = new Collection(this.listOf(related, "setRelated"));
      } else if (many) {
        throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds an array or Collection of models (empty for none), got ${describeValue(related)}.`);
      } else if (related !== null && typeof related !== "object") {
        throw new ValidationError(`${this.label()}.setRelated(): a ${this.type} relation holds one model or null, got ${describeValue(related)}.`);
      }
      keepAssignedAttribute(parent, this.relationName);
      setLoadedRelation(parent, this.relationName, related);
      if (hasAccessor(Object.getPrototypeOf(parent), this.relationName)) {
        Object.defineProperty(parent, this.relationName, { value: related, enumerable: true, writable: true, configurable: true });
      } else {
        parent[this.relationName] = related;
      }
    }
    /** Throws unless the parents' sheet has `column` (a missing key column would silently match nothing). */
    assertParentColumn(parents, column) {
      const columns = parents.length ? stateOf(parents[0]).columns : null;
      if (columns && columns.indexOf(column) < 0) {
        throw new ColumnNotFoundError(`${this.label()}: ${describeRef(tableRef(this.model))} has no column "${column}" (columns: ${columns.join(", ")}).`);
      }
    }
    /** Gives each parent the group under its key as a Collection; parents with equal keys ('1' and 1) each get their own. */
    setGroups(parents, groups) {
      const handed = /* @__PURE__ */ new Set();
      const give = (parent, list) => this.setRelated(parent, Collection.wrap(list));
      parents.forEach((parent) => {
        const group = groups.get(this.keyOf(parent, this.localKey));
        if (!group) return give(parent, []);
        if (handed.has(group)) return give(parent, group.slice());
        handed.add(group);
        give(parent, group);
      });
    }
    /** The normalised value of a model's key column. */
    keyOf(model, column) {
      return normalizeKey(readAttribute(model, column));
    }
    /**
     * Whether any parent holds a key to look related rows up by. With none (new models, empty foreign
     * keys) nothing can match: an eager load then reads no sheet, as it reads none for no parents.
     */
    anyParentKey(parents) {
      const column = this.parentKeyColumn();
      this.assertParentColumn(parents, column);
      return parents.some((parent) => this.keyOf(parent, column) !== "");
    }
    /** pushRelated of the relations that load a Collection: appended to the one loaded (or to none). */
    pushToCollection(parent, related) {
      this.requireModel(parent, "pushRelated");
      const current2 = parent[this.relationName];
      const items = current2 instanceof Collection ? current2.all() : [];
      this.setRelated(parent, new Collection(items.concat(this.listOf(related, "pushRelated"))));
    }
    /** Models given as one model, an array or a Collection (Lucid takes either), as an array. */
    listOf(input, method) {
      let list;
      if (Array.isArray(input)) list = input;
      else if (input instanceof Collection) list = input.all();
      else if (input !== null && typeof input === "object") return [input];
      else throw new ValidationError(`${this.label()}.${method}(): expected a model, an array of models or a Collection, got ${input === null ? "null" : typeof input}.`);
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        if (item === null || typeof item !== "object") this.requireModel(item, method, () => `models in the list, got ${describeValue(item)} at index ${i}`);
      }
      return list;
    }
    /** Refuses what is not a model before it is read as one. */
    requireModel(value, method, what) {
      if (value !== null && typeof value === "object") return;
      const wanted = what ? what() : `a ${modelName(this.model)} model, got ${describeValue(value)}`;
      throw new ValidationError(`${this.label()}.${method}(): expected ${wanted}.`);
    }
    /** Loads the relation for many parents with one read per sheet; returns the related models loaded. */
    eagerLoad(parentList, callback) {
      this.boot();
      const parents = this.listOf(parentList, "eagerLoad");
      const query = this.eagerQuery(parents, callback);
      const related = this.anyParentKey(parents) ? query.get().all() : [];
      this.setRelatedForMany(parents, related);
      return related;
    }
    /** A query of the related model with onQuery applied; its errors name `Parent.relation`. */
    relatedQuery(subQuery = false, preload = false) {
      return this.configureQuery(this.relatedModel().query(), subQuery, preload);
    }
    /** Names the relation in the query's errors, flags it (sub-query, preload) and applies `onQuery`. */
    configureQuery(query, subQuery, preload = false) {
      this.boot();
      query.owner = this.label();
      query.isRelatedQuery = true;
      query.isRelatedSubQuery = subQuery;
      query.isRelatedPreloadQuery = preload;
      if (this.onQuery) this.onQuery(query);
      query.sealConditions();
      return query;
    }
    /** A query counting or testing related rows per parent (`withCount`, `has`, `whereHas`). */
    subQuery(callback) {
      const query = this.relatedQuery(true);
      constrainRelationQuery(query, callback);
      return query;
    }
    /** The sub-query for `parents` (all when not one), kept to the one parent's key in `keyColumn` (asked once booted); null when that key is blank. */
    parentsQuery(callback, parents, keyColumn) {
      const query = this.subQuery(callback);
      const key = this.soleParentKey(parents);
      if (key === null) return null;
      if (key !== void 0) query.scopeToKeys(keyColumn(), [key]);
      return query;
    }
    /**
     * The key of the one parent a count is for (`post.loadCount('comments')` in a loop), so that its
     * related rows are looked up rather than every parent's counted; null when that key is blank (no
     * row counts for it), undefined for several parents.
     */
    soleParentKey(parents) {
      if (!parents || parents.length !== 1) return void 0;
      const value = readAttribute(parents[0], this.parentKeyColumn());
      return value === void 0 ? void 0 : isBlankKey(value) ? null : value;
    }
  };
  var accessors = /* @__PURE__ */ new WeakMap();
  function hasAccessor(prototype, name) {
    let names = accessors.get(prototype);
    if (!names) accessors.set(prototype, names = /* @__PURE__ */ new Map());
    let found = names.get(name);
    if (found === void 0) {
      found = false;
      for (let p = prototype; p && !found; p = Object.getPrototypeOf(p)) {
        const descriptor = Object.getOwnPropertyDescriptor(p, name);
        if (descriptor) found = !!(descriptor.get || descriptor.set) || descriptor.writable === false;
        if (descriptor) break;
      }
      names.set(name, found);
    }
    return found;
  }
  function isErrorNamed(error, name) {
    return typeof error === "object" && error !== null && error.name === name;
  }

  // src/model/fields.ts
  var AttributeField = class {
    constructor(kind, initial) {
      /** False after `notNullable()`: saving the model with this attribute empty is refused. */
      this.nullable = true;
      this.kind = kind;
      this.initial = initial;
    }
    /** The value a new model gets (a fresh UUID for `uid()`, a call for function defaults). */
    defaultValue() {
      if (this.kind === "uid") return Utilities.getUuid();
      return typeof this.initial === "function" ? this.initial() : this.initial;
    }
    /** Pinia's modifier: a model whose attribute is empty (null, '') is refused when saved, before anything is written. */
    notNullable() {
      this.nullable = false;
      return this;
    }
    /** Whether the default is computed for each model (a function), not one fixed value. */
    hasFunctionDefault() {
      return typeof this.initial === "function";
    }
  };
  var declared2 = /* @__PURE__ */ new WeakMap();
  function attributeFields(fields) {
    let found = declared2.get(fields);
    if (!found) {
      found = Object.keys(fields).filter((name) => fields[name] instanceof AttributeField).map((name) => [name, fields[name]]);
      declared2.set(fields, found);
    }
    return found;
  }
  function notNullableNames(fields) {
    return attributeFields(fields).filter(([, field]) => !field.nullable).map(([name]) => name);
  }

  // src/model/defaults.ts
  var rowPending = false;
  function takeRowConstruction() {
    const forRow = rowPending;
    rowPending = false;
    return forRow;
  }
  function constructForRow(model) {
    rowPending = true;
    try {
      return new model();
    } finally {
      rowPending = false;
    }
  }
  function applyDefaults(model) {
    forEachDefault(classOf3(model), (name, value) => {
      if (readAttribute(model, name) === void 0) writeAttribute(model, name, value);
    });
  }
  function forEachDefault(type, fn) {
    const declared3 = attributeFields(fieldsOf(type));
    if (!declared3.length) return;
    const keys = primaryKeys(type);
    const key = keys.length === 1 ? keys[0] : null;
    for (let i = 0; i < declared3.length; i++) {
      const [name, field] = declared3[i];
      if (name === key && isFixedKey(field)) continue;
      fn(name, cloneValue(field.defaultValue()));
    }
  }
  function isFixedKey(field) {
    if (field.kind === "uid" || field.hasFunctionDefault()) return false;
    const value = field.defaultValue();
    return value !== null && value !== void 0 && value !== "";
  }

  // src/model/hydrate.ts
  var Hydrator = class {
    constructor(model, table, pivotSpec = null) {
      this.model = model;
      assertDeclaredColumns(model, table);
      this.batch = new ReadBatch(table.header.names, pivotSpec);
      this.plain = !anyCollides(model.prototype, this.batch.columns);
    }
    /** A model of a row entry (with the pivot row that reached it, for a many-to-many relation). */
    entry(entry, pivotRow = null) {
      const model = this.row(entry.values, entry.values === entry.original, pivotRow);
      if (entry.rowNumber === null) (entry.onWithdraw || (entry.onWithdraw = [])).push(() => stateOf(model).persisted = false);
      return model;
    }
    /** A model of row values; `asRead` says the array is never changed in place. */
    row(values, asRead, pivotRow = null) {
      const instance = constructForRow(this.model);
      const columns = this.batch.columns;
      const original = asRead && values.length === columns.length ? values : copyRow(values, columns.length);
      if (this.plain && holdRead(instance, this.batch, original, pivotRow)) {
        const target = instance;
        for (let i = 0; i < columns.length; i++) {
          const value = original[i];
          target[columns[i]] = value !== null && typeof value === "object" ? cloneValue(value) : value;
        }
        return instance;
      }
      assignRow(instance, columns, original, true);
      const state = stateOf(instance);
      state.persisted = true;
      state.pivotRow = pivotRow;
      state.pivotSpec = this.batch.pivotSpec;
      return instance;
    }
  };
  function hydrateValues(model, table, values) {
    assertDeclaredColumns(model, table);
    const instance = constructForRow(model);
    assignRow(instance, table.header.names, values);
    stateOf(instance).persisted = true;
    return instance;
  }
  var checkedHeaders = /* @__PURE__ */ new WeakMap();
  function assertDeclaredColumns(model, table) {
    const names = table.header.names;
    let checked = checkedHeaders.get(names);
    if (!checked) checkedHeaders.set(names, checked = /* @__PURE__ */ new Set());
    if (checked.has(model)) return;
    for (const [name] of attributeFields(fieldsOf(model))) {
      if (!table.header.has(name)) throw declaredColumnMissing(model, table, name);
    }
    checked.add(model);
  }
  function declaredColumnMissing(model, table, name) {
    const owner = modelName(model);
    return new ColumnNotFoundError(
      `${owner}.fields() declares "${name}", but ${table.opened.describe()} has no column "${name}" (columns: ${table.header.list()}); add it to row 1 (SheetORM.ensureSchema does) or remove it from fields().`
    );
  }

  // src/query/conditions.ts
  function compile(conditions, resolve, zone) {
    if (!conditions.length) return () => true;
    const runs = [[]];
    const lateTests = [[]];
    conditions.forEach((condition2, i) => {
      if (i > 0 && condition2.bool === "or") {
        runs.push([]);
        lateTests.push([]);
      }
      const late = condition2.kind === "deferred" && condition2.late === true;
      (late ? lateTests : runs)[runs.length - 1].push(compileOne(condition2, resolve, zone));
    });
    runs.forEach((run, i) => run.push(...lateTests[i]));
    if (runs.length === 1 && runs[0].length === 1) return runs[0][0];
    return (row) => runs.some((run) => run.every((test) => test(row)));
  }
  function compileOne(condition2, resolve, zone) {
    const test = compilePositive(condition2, resolve, zone);
    return condition2.not ? (row) => !test(row) : test;
  }
  function compilePositive(condition2, resolve, zone) {
    switch (condition2.kind) {
      case "group":
        return compile(condition2.conditions, resolve, zone);
      case "deferred":
        return condition2.prepare(resolve, zone);
      case "compare": {
        const read = resolve(condition2.column, condition2.source);
        const matches = operatorMatcher(condition2.operator, condition2.value, zone);
        return (row) => matches(read(row));
      }
      case "in": {
        const read = resolve(condition2.column, condition2.source);
        const member2 = membershipTest(condition2.values, zone);
        return (row) => member2(read(row));
      }
      case "null": {
        const read = resolve(condition2.column, condition2.source);
        return (row) => isEmptyCell(read(row));
      }
      case "between": {
        const read = resolve(condition2.column, condition2.source);
        const atLeast = operatorMatcher(">=", condition2.low, zone);
        const atMost = operatorMatcher("<=", condition2.high, zone);
        return (row) => {
          const value = read(row);
          return atLeast(value) && atMost(value);
        };
      }
    }
  }
  function checkOperator(operator, owner) {
    try {
      return normalizeOperator(operator);
    } catch (error) {
      throw new ValidationError(`${owner}: ${error.message}.`);
    }
  }
  function checkValue(value, owner, method, column) {
    if (value === void 0) {
      const nullMethod = /Pivot$/.test(method) ? "whereNullPivot" : "whereNull";
      throw new ValidationError(`${owner}.${method}('${column}', undefined): the value is undefined; pass a value, or use ${nullMethod}('${column}').`);
    }
    if (value === null || typeof value === "string" || typeof value === "boolean") return;
    if (typeof value === "number" && !Number.isNaN(value) || isDate(value) && !Number.isNaN(value.getTime())) return;
    const hint = isDate(value) ? " the Date is invalid (new Date(text) could not read the text); check how it was built." : Array.isArray(value) ? ` use ${/Pivot$/.test(method) ? "whereInPivot" : "whereIn"}('${column}', [...]) for a list.` : " compare with a string, number, boolean, Date or null.";
    throw new ValidationError(`${owner}.${method}('${column}', \u2026): cannot compare with ${describeValue(value)};${hint}`);
  }
  function refuseColumnList(columns, owner, method) {
    if (!Array.isArray(columns) && typeof columns !== "string") return;
    throw columnListError(owner, method);
  }
  function columnListError(owner, method) {
    return new ValidationError(
      `${owner}.${method}(): sheetorm reads whole rows and takes no list of columns; pick them from the results instead: serialize({ fields: ['id', 'name'] }), or pluck('name') for one column.`
    );
  }
  function checkColumn(column, owner, method) {
    if (typeof column !== "string" || !column.trim()) {
      throw new ValidationError(`${owner}.${method}(): the column must be a non-empty string, not ${describeValue(column)}.`);
    }
    return column;
  }
  function checkList(values, owner, method, column) {
    if (Object.prototype.toString.call(values) === "[object Map]") {
      throw new ValidationError(`${owner}.${method}('${column}', \u2026): expected a list of values, got a Map; pass its keys or its values: [...map.keys()] or [...map.values()].`);
    }
    if (values instanceof Collection) values = values.all();
    else if (values !== null && typeof values === "object" && !Array.isArray(values) && typeof values[Symbol.iterator] === "function") values = Array.from(values);
    if (!Array.isArray(values)) {
      throw new ValidationError(`${owner}.${method}('${column}', \u2026): expected an array of values, got ${describeValue(values)}.`);
    }
    for (let i = 0; i < values.length; i++) {
      if (values[i] === void 0) {
        throw new ValidationError(`${owner}.${method}('${column}', [...]): the item at index ${i} is undefined; leave missing values out, or use null for blank cells.`);
      }
      if (Array.isArray(values[i])) {
        throw new ValidationError(
          `${owner}.${method}('${column}', [...]): the item at index ${i} is a list (${describeValue(values[i])}); a range's values (getValues(), a custom function's argument) are rows of cells: flatten them first, values.flat().`
        );
      }
      checkValue(values[i], owner, method, column);
    }
    return values.slice();
  }

  // src/query/increment.ts
  function incrementOf(column, amount, extra, owner, method) {
    const sign = method === "increment" ? 1 : -1;
    let amounts;
    if (isPlainObject(column)) {
      const names = Object.keys(column);
      if (!names.length) throw new ValidationError(`${owner}.${method}({}): name at least one column, such as { views: 1 }.`);
      amounts = names.map((name) => [name, sign * checkAmount(column[name], owner, method, name)]);
      extra = amount === 1 ? extra : amount;
    } else {
      const name = checkColumn(column, owner, method);
      amounts = [[name, sign * checkAmount(amount, owner, method, name)]];
    }
    if (extra !== void 0 && extra !== null && !isPlainObject(extra)) {
      throw new ValidationError(`${owner}.${method}(): the extra columns must be an object such as { seen_at: new Date() }, got ${describeValue(extra)}.`);
    }
    const given2 = extra ? Object.keys(extra).filter((name) => extra[name] !== void 0) : [];
    for (const name of given2) {
      if (amounts.some(([counted]) => counted === name)) {
        throw new ValidationError(`${owner}.${method}(): "${name}" is both counted and among the extra columns; leave it out of one of them.`);
      }
    }
    const kept2 = {};
    for (const name of given2) kept2[name] = extra[name];
    return { amounts, extra: given2.length ? kept2 : null };
  }
  function refuseKeyExtras(table, change, keys, owner, method, unqualify) {
    for (const name of Object.keys(change.extra || {})) {
      if (keys.indexOf(table.header.names[table.column(unqualify(name), owner)]) >= 0) {
        throw new ValidationError(`${owner}.${method}(): the extra columns cannot change the key "${name}"; save() a new key instead. Nothing was written.`);
      }
    }
  }
  function unqualified(column, table) {
    if (table.header.has(column)) return column;
    const dot = column.lastIndexOf(".");
    if (dot < 0) return column;
    return column.slice(0, dot).toLowerCase() === table.ref.sheetName.toLowerCase() ? column.slice(dot + 1) : column;
  }
  function checkAmount(amount, owner, method, column) {
    const value = typeof amount === "string" && isPlainNumberText(amount) ? Number(amount) : amount;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ValidationError(`${owner}.${method}('${column}', ${describeValue(amount)}): the amount must be a finite number, such as 1.`);
    }
    return value;
  }
  function addAmounts(table, entries, amounts, keys, owner, method) {
    const columns = amounts.map(([name]) => {
      const column = table.column(name, owner);
      if (keys.indexOf(table.header.names[column]) >= 0) {
        throw new ValidationError(`${owner}.${method}('${name}'): "${name}" is the key of ${owner}; keys are not counters (set a new key with update() or save()).`);
      }
      return column;
    });
    const sums = entries.map(
      (entry) => columns.map((column, i) => {
        const value = entry.values[column];
        if (value === null || typeof value === "number") return amounts[i][1] === 0 ? value : (value || 0) + amounts[i][1];
        const row = entry.rowNumber === null ? "a row not yet written" : `row ${entry.rowNumber}`;
        throw new ValidationError(
          `${owner}.${method}('${amounts[i][0]}'): ${row} of ${table.opened.describe()} holds ${describeValue(value)}, not a number; put a number (or nothing) in that cell. Nothing was written.`
        );
      })
    );
    entries.forEach(
      (entry, r) => columns.forEach((column, i) => {
        if (!sameValue(entry.values[column], sums[r][i])) table.set(entry, column, sums[r][i], owner);
      })
    );
    return columns;
  }

  // src/query/narrowing.ts
  function equalityOf(conditions) {
    if (conditions.some((condition2, i) => i > 0 && condition2.bool === "or")) return null;
    for (const condition2 of conditions) {
      if (condition2.not) continue;
      if (condition2.kind === "compare" && condition2.source === "model" && (condition2.operator === "=" || condition2.operator === "==")) {
        if (!isDateText(condition2.value)) return { column: condition2.column, key: equalityKey(condition2.value), normalised: false };
      } else if (condition2.kind === "in" && condition2.source === "model" && !condition2.values.some(isDateText)) {
        const keys = new Set(condition2.values.map(equalityKey));
        if (keys.size === 1) return { column: condition2.column, key: keys.values().next().value, normalised: false };
      } else if (condition2.kind === "deferred" && condition2.keys && condition2.keys.source === "model" && condition2.keys.values.size === 1) {
        return { column: condition2.keys.column, key: condition2.keys.values.values().next().value, normalised: true };
      } else if (condition2.kind === "group") {
        const inner = equalityOf(condition2.conditions);
        if (inner) return inner;
      }
    }
    return null;
  }

  // src/query/columnCompare.ts
  function columnComparison(owner, method, bool, not, args) {
    if (args.length !== 2 && args.length !== 3) {
      throw new ValidationError(`${owner}.${method}(): expected (column, otherColumn) or (column, operator, otherColumn), got ${args.length} arguments.`);
    }
    const column = checkColumn(args[0], owner, method);
    const other = checkColumn(args[args.length - 1], owner, method);
    const operator = checkOperator(args.length === 3 ? args[1] : "=", `${owner}.${method}('${column}', \u2026)`);
    return {
      kind: "deferred",
      bool,
      not: false,
      prepare: (resolve, zone) => {
        const read = resolve(column, "model");
        const readOther = resolve(other, "model");
        return (row) => {
          const value = read(row);
          const compared = readOther(row);
          if (isEmptyCell(value) || isEmptyCell(compared)) return false;
          const swap = isDateText(value) && isDate2(compared) && operator !== "like" && operator !== "ilike";
          const matches = swap ? operatorMatcher(SWAPPED[operator] || operator, value, zone)(compared) : operatorMatcher(operator, compared, zone)(value);
          return matches !== not;
        };
      }
    };
  }
  var SWAPPED = { ">": "<", "<": ">", ">=": "<=", "<=": ">=" };

  // src/query/ConditionBuilder.ts
  var ConditionBuilder = class _ConditionBuilder {
    constructor(owner) {
      /** The conditions, in order. */
      this.conditions = [];
      this.owner = owner;
    }
    /** A builder for a nested group; relation queries return their own kind so pivot clauses work inside. */
    newGroup() {
      return new _ConditionBuilder(this.owner);
    }
    /**
     * Runs `callback(query, value)` when `condition` is truthy, else `otherwise` if given (Eloquent's
     * when, Lucid's if): `query.when(e.parameter.status, (q, status) => q.where('status', status))`.
     * A function condition is called with the query first.
     */
    when(condition2, callback, otherwise) {
      return this.branch("when", condition2, callback, otherwise, false);
    }
    /** Lucid's spelling of `when`. */
    if(condition2, callback, otherwise) {
      return this.branch("if", condition2, callback, otherwise, false);
    }
    /** `when` with the condition negated: runs `callback` when `condition` is falsy. */
    unless(condition2, callback, otherwise) {
      return this.branch("unless", condition2, callback, otherwise, true);
    }
    branch(method, condition2, callback, otherwise, negate) {
      for (const [fn, which] of [[callback, "callback"], [otherwise, "otherwise"]]) {
        if (typeof fn !== "function" && (which === "callback" || fn !== void 0)) {
          throw new ValidationError(`${this.owner}.${method}(condition, callback, otherwise?): the ${which} must be a function such as q => q.where(...), got ${describeValue(fn)}.`);
        }
      }
      const value = typeof condition2 === "function" ? condition2(this) : condition2;
      const chosen = Boolean(value) !== negate ? callback : otherwise;
      if (chosen) chosen(this, value);
      return this;
    }
    /** `where(col, value)`, `where(col, op, value)`, `where({ col: value })` or `where(q => …)`. */
    where(...args) {
      return this.addWhere("and", false, args, "where");
    }
    /** Alias of `where`. */
    andWhere(...args) {
      return this.addWhere("and", false, args, "andWhere");
    }
    /** OR-ed `where`. */
    orWhere(...args) {
      return this.addWhere("or", false, args, "orWhere");
    }
    /** Negated `where`. */
    whereNot(...args) {
      return this.addWhere("and", true, args, "whereNot");
    }
    /** Alias of `whereNot`. */
    andWhereNot(...args) {
      return this.addWhere("and", true, args, "andWhereNot");
    }
    /** OR-ed negated `where`. */
    orWhereNot(...args) {
      return this.addWhere("or", true, args, "orWhereNot");
    }
    /** Compares two columns of each row: `whereColumn('updated_at', '>', 'created_at')` (Lucid, Eloquent). */
    whereColumn(...args) {
      return this.addColumnCompare("and", false, args, "whereColumn");
    }
    /** Alias of `whereColumn`. */
    andWhereColumn(...args) {
      return this.addColumnCompare("and", false, args, "andWhereColumn");
    }
    /** OR-ed `whereColumn`. */
    orWhereColumn(...args) {
      return this.addColumnCompare("or", false, args, "orWhereColumn");
    }
    /** Negated `whereColumn`. */
    whereNotColumn(...args) {
      return this.addColumnCompare("and", true, args, "whereNotColumn");
    }
    /** Alias of `whereNotColumn`. */
    andWhereNotColumn(...args) {
      return this.addColumnCompare("and", true, args, "andWhereNotColumn");
    }
    /** OR-ed negated `whereColumn`. */
    orWhereNotColumn(...args) {
      return this.addColumnCompare("or", true, args, "orWhereNotColumn");
    }
    addColumnCompare(bool, not, args, method) {
      this.conditions.push(columnComparison(this.owner, method, bool, not, args));
      return this;
    }
    /** Column value is one of `values`. */
    whereIn(column, values) {
      return this.addIn("and", false, column, values, "whereIn");
    }
    /** Alias of `whereIn`. */
    andWhereIn(column, values) {
      return this.addIn("and", false, column, values, "andWhereIn");
    }
    /** OR-ed `whereIn`. */
    orWhereIn(column, values) {
      return this.addIn("or", false, column, values, "orWhereIn");
    }
    /** Column value is none of `values`. */
    whereNotIn(column, values) {
      return this.addIn("and", true, column, values, "whereNotIn");
    }
    /** Alias of `whereNotIn`. */
    andWhereNotIn(column, values) {
      return this.addIn("and", true, column, values, "andWhereNotIn");
    }
    /** OR-ed `whereNotIn`. */
    orWhereNotIn(column, values) {
      return this.addIn("or", true, column, values, "orWhereNotIn");
    }
    /** Cell is empty. */
    whereNull(column) {
      return this.addNull("and", false, column, "whereNull");
    }
    /** Alias of `whereNull`. */
    andWhereNull(column) {
      return this.addNull("and", false, column, "andWhereNull");
    }
    /** OR-ed `whereNull`. */
    orWhereNull(column) {
      return this.addNull("or", false, column, "orWhereNull");
    }
    /** Cell is not empty. */
    whereNotNull(column) {
      return this.addNull("and", true, column, "whereNotNull");
    }
    /** Alias of `whereNotNull`. */
    andWhereNotNull(column) {
      return this.addNull("and", true, column, "andWhereNotNull");
    }
    /** OR-ed `whereNotNull`. */
    orWhereNotNull(column) {
      return this.addNull("or", true, column, "orWhereNotNull");
    }
    /** Value within `[low, high]`, inclusive. */
    whereBetween(column, range) {
      return this.addBetween("and", false, column, range, "whereBetween");
    }
    /** OR-ed `whereBetween`. */
    orWhereBetween(column, range) {
      return this.addBetween("or", false, column, range, "orWhereBetween");
    }
    /** Value outside `[low, high]`. */
    whereNotBetween(column, range) {
      return this.addBetween("and", true, column, range, "whereNotBetween");
    }
    /** OR-ed `whereNotBetween`. */
    orWhereNotBetween(column, range) {
      return this.addBetween("or", true, column, range, "orWhereNotBetween");
    }
    /** Alias of `whereBetween` (Lucid). */
    andWhereBetween(column, range) {
      return this.addBetween("and", false, column, range, "andWhereBetween");
    }
    /** Alias of `whereNotBetween` (Lucid). */
    andWhereNotBetween(column, range) {
      return this.addBetween("and", true, column, range, "andWhereNotBetween");
    }
    /** SQL LIKE (`%`, `_`), case-sensitive as Lucid's; Laravel's third argument `false` ignores case (`ilike`). */
    whereLike(column, pattern, caseSensitive = true) {
      return this.where(column, this.likeOperator(caseSensitive, "whereLike"), pattern);
    }
    /** Alias of `whereLike` (Lucid). */
    andWhereLike(column, pattern, caseSensitive = true) {
      return this.where(column, this.likeOperator(caseSensitive, "andWhereLike"), pattern);
    }
    /** OR-ed `whereLike`. */
    orWhereLike(column, pattern, caseSensitive = true) {
      return this.orWhere(column, this.likeOperator(caseSensitive, "orWhereLike"), pattern);
    }
    likeOperator(caseSensitive, method) {
      if (typeof caseSensitive !== "boolean") {
        throw new ValidationError(`${this.owner}.${method}(column, pattern, caseSensitive): caseSensitive is true or false, got ${describeValue(caseSensitive)}.`);
      }
      return caseSensitive ? "like" : "ilike";
    }
    /** SQL LIKE, case-insensitive. */
    whereILike(column, pattern) {
      return this.where(column, "ilike", pattern);
    }
    /** Alias of `whereILike` (Lucid). */
    andWhereILike(column, pattern) {
      return this.where(column, "ilike", pattern);
    }
    /** OR-ed `whereILike`. */
    orWhereILike(column, pattern) {
      return this.orWhere(column, "ilike", pattern);
    }
    /** Column holds one of `keys`, compared as keys (`1`, `'1'` and `' 1 '` match). */
    keyInCondition(column, keys, source, method) {
      const name = checkColumn(column, this.owner, method);
      const wanted = new Set(Array.from(keys, normalizeKey));
      wanted.delete("");
      return {
        kind: "deferred",
        bool: "and",
        not: false,
        keys: { column: name, source, values: wanted },
        prepare: (resolve) => {
          const read = resolve(name, source);
          return (row) => wanted.has(normalizeKey(read(row)));
        }
      };
    }
    /** Adds a where-clause against `source` (the model's sheet or the pivot sheet). */
    addWhere(bool, not, args, method, source = "model") {
      const [first] = args;
      if (typeof first === "function" && args.length === 1) return this.addGroup(bool, not, first, method);
      if (isPlainObject(first) && args.length === 1) {
        const group = this.newGroup();
        for (const column2 of Object.keys(first)) group.addWhere("and", false, [column2, first[column2]], method, source);
        return this.pushGroup(bool, not, group.conditions);
      }
      if (args.length !== 2 && args.length !== 3) {
        const forms = "(column, value), (column, operator, value), ({ column: value }) or (query => \u2026)";
        throw new ValidationError(`${this.owner}.${method}(): expected ${forms}, got ${args.length} arguments.`);
      }
      const column = checkColumn(first, this.owner, method);
      const operator = checkOperator(args.length === 3 ? args[1] : "=", `${this.owner}.${method}('${column}', \u2026)`);
      const value = args.length === 3 ? args[2] : args[1];
      checkValue(value, this.owner, method, column);
      const blank = value === null || value === "";
      if (blank && (operator === "=" || operator === "==")) return this.addNull(bool, not, column, method, source);
      if (blank && (operator === "!=" || operator === "<>")) return this.addNull(bool, !not, column, method, source);
      this.conditions.push({ kind: "compare", bool, not, source, column, operator, value });
      return this;
    }
    addGroup(bool, not, callback, method) {
      const group = this.newGroup();
      const unknown = readsOfUnknownNames(group, callback);
      if (!group.conditions.length && unknown.length) {
        throw new ValidationError(
          `${this.owner}.${method}(callback): the callback is given a query builder to group conditions in (as in Lucid), not a row; it read "${unknown[0]}", which a query builder does not have. Write ${method}('${unknown[0]}', '>', 40)-style conditions inside it, or filter the models after get(): .get().filter(row => \u2026).`
        );
      }
      this.adoptGroup(group);
      return this.pushGroup(bool, not, group.conditions);
    }
    /** Takes over what a group built in a callback knows besides its conditions (the sheets its has/whereHas read). */
    adoptGroup(_group) {
    }
    pushGroup(bool, not, conditions) {
      if (conditions.length) this.conditions.push({ kind: "group", bool, not, conditions });
      return this;
    }
    addIn(bool, not, column, values, method, source = "model") {
      const name = checkColumn(column, this.owner, method);
      this.conditions.push({ kind: "in", bool, not, source, column: name, values: checkList(values, this.owner, method, name) });
      return this;
    }
    addNull(bool, not, column, method, source = "model") {
      this.conditions.push({ kind: "null", bool, not, source, column: checkColumn(column, this.owner, method) });
      return this;
    }
    addBetween(bool, not, column, range, method, source = "model") {
      const name = checkColumn(column, this.owner, method);
      if (!Array.isArray(range) || range.length !== 2) {
        throw new ValidationError(`${this.owner}.${method}('${name}', \u2026): expected [low, high], got ${describeValue(range)}.`);
      }
      range.forEach((value) => checkValue(value, this.owner, method, name));
      this.conditions.push({ kind: "between", bool, not, source, column: name, low: range[0], high: range[1] });
      return this;
    }
  };
  function readsOfUnknownNames(group, callback) {
    const unknown = [];
    const watched = new Proxy(group, {
      get(target, name) {
        if (typeof name === "string" && !(name in target)) unknown.push(name);
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      }
    });
    callback(watched);
    return unknown;
  }

  // src/query/EagerLoader.ts
  function addPreloads(model, nodes, args, method = "with") {
    let last = null;
    const at = `${model.name}.${method}()`;
    for (const arg of args) {
      if ((arg === void 0 || arg === null) && last) {
        last = null;
        continue;
      }
      if (typeof arg === "function") {
        if (!last && method === "load") {
          useLoader(model, nodes, arg, at);
          continue;
        }
        if (!last) throw new ValidationError(`${at}: a callback must follow a relation name.`);
        last.callback = arg;
        continue;
      }
      if (isPlainObject(arg)) {
        last = null;
        for (const name of Object.keys(arg)) {
          const callback = arg[name];
          if (callback !== void 0 && callback !== null && typeof callback !== "function") {
            throw new ValidationError(`${at}: the value for "${name}" must be a callback constraining it (q => ...), got ${describeValue(callback)}.`);
          }
          const node = addPath(model, nodes, checkedPath(name, at));
          if (callback) node.callback = callback;
        }
        continue;
      }
      const names = Array.isArray(arg) ? arg : [arg];
      for (const name of names) last = addPath(model, nodes, checkedPath(name, at));
    }
  }
  function useLoader(model, nodes, callback, at) {
    let open = true;
    const add2 = (...names) => {
      if (!open) throw new ValidationError(`${at}: the loader is used after its callback returned; call loader.load(...) inside the callback.`);
      addPreloads(model, nodes, names, "load");
      return loader2;
    };
    const loader2 = new Proxy(
      { load: add2, preload: add2 },
      {
        get: (target, property) => property in target || typeof property !== "string" ? target[property] : () => {
          throw new ValidationError(`${at}: a callback before any relation name receives Lucid's loader (loader.load('tags')), which has no ${property}(); to constrain a relation, name it first: load('tags', q => ...).`);
        }
      }
    );
    try {
      callback(loader2);
    } finally {
      open = false;
    }
  }
  function checkedPath(name, at) {
    if (typeof name !== "string" || !name.trim()) throw new ValidationError(`${at}: expected relation names, got ${describeValue(name)}.`);
    return name.trim().split(".");
  }
  function addPath(model, nodes, path) {
    let level = nodes;
    let owner = model;
    let node = null;
    for (const name of path) {
      const relation = owner.$getRelation(name);
      node = level.find((candidate) => candidate.name === name) || null;
      if (!node) {
        node = { name, children: [] };
        level.push(node);
      }
      level = node.children;
      owner = relation.relatedModel();
    }
    node.callback = void 0;
    return node;
  }
  function loadPreloads(model, models, nodes) {
    for (const node of nodes) {
      const relation = model.$getRelation(node.name);
      const related = relation.eagerLoad(models, node.callback);
      if (node.children.length && related.length) loadPreloads(relation.relatedModel(), related, node.children);
    }
  }
  function preloadSheets(model, nodes, refs = []) {
    for (const node of nodes) {
      const relation = model.$getRelation(node.name);
      refs.push(...relation.tables());
      preloadSheets(relation.relatedModel(), node.children, refs);
    }
    return refs;
  }

  // src/query/relationAggregates.ts
  function noun(method) {
    return method === "withCount" || method === "loadCount" ? "count" : "result";
  }
  function parseRelationName(model, owner, name, method) {
    if (typeof name !== "string" || !name.trim()) {
      throw new ValidationError(`${owner}.${method}(): expected a relation name such as 'tags' or 'tags as total', got ${describeValue(name)}.`);
    }
    if (/\s+as$/i.test(name.trim())) {
      throw new ValidationError(`${owner}.${method}('${name}'): give the ${noun(method)} a name after "as", such as '${name.trim().replace(/\s+as$/i, "")} as total'.`);
    }
    const [relation, alias] = name.split(/\s+as\s+/i).map((part) => part.trim());
    if (relation.indexOf(".") >= 0) {
      const dot = relation.indexOf(".");
      const [first, rest] = [relation.slice(0, dot), relation.slice(dot + 1)];
      const verb = method === "withCount" ? "count" : "aggregate";
      throw new ValidationError(
        `${owner}.${method}('${relation}'): ${verb === "count" ? "a" : "an"} ${verb} takes a relation of ${owner}, not a dot path; ${verb} on the loaded ones instead: with('${first}', q => q.${method}('${rest}'${method === "withCount" || method === "withExists" ? "" : ", \u2026"})).`
      );
    }
    model.$getRelation(relation);
    if (alias) checkAlias(alias, owner, `${method}('${name}')`, method);
    return { relation, alias: alias || null };
  }
  function checkAlias(alias, owner, call, method) {
    if (alias === "__proto__") throw new ValidationError(`${owner}.${call}: "__proto__" cannot name a ${noun(method)}; choose another name, such as 'total'.`);
  }
  function defaultAlias(relation, fn, column) {
    if (column === null) return `${relation}_${fn}`;
    return `${relation}_${fn}_${column.trim().replace(/[^A-Za-z0-9_]+/g, "_")}`;
  }
  function captureAggregate(query, owner, fn, column) {
    if (query.capturedAggregate) {
      throw new ValidationError(`${owner}.${fn}(): a withAggregate callback computes one aggregate, and it already asked for ${query.capturedAggregate.fn}(); use one withAggregate per aggregate.`);
    }
    const counted = fn === "count" && (column === void 0 || column === "*");
    query.capturedAggregate = { fn, column: counted ? null : checkColumn(column, owner, fn) };
  }
  function aggregatePlan(spec, owner) {
    let alias = spec.alias;
    let fn = spec.fn;
    let column = spec.column;
    const constrain = (query) => {
      if (spec.fn === null) query.capturedAggregate = null;
      if (spec.callback) spec.callback(query);
      if (spec.fn === null) {
        const captured = query.capturedAggregate;
        query.capturedAggregate = void 0;
        if (!captured) {
          throw new ValidationError(`${owner}.withAggregate('${spec.relation}', \u2026): the callback asked for no aggregate; call one on its query, such as q => q.sum('likes').as('total') (sum, avg, min, max or count).`);
        }
        fn = captured.fn;
        column = captured.column;
        if (!spec.named) alias = defaultAlias(spec.relation, fn, column);
      }
      if (query.countAlias) alias = query.countAlias;
    };
    return { constrain, result: () => ({ alias, fn, column }) };
  }
  function foldValues(fn, values) {
    switch (fn) {
      case "count":
        return values.reduce((total, value) => value === null ? total : total + 1, 0);
      case "exists":
        return values.length > 0;
      case "sum": {
        const numbers = numbersOf(values);
        return numbers.length ? numbers.reduce((total, n) => total + n, 0) : null;
      }
      case "avg":
        return meanOf(values);
      case "min":
        return extremeOf(values, -1);
      case "max":
        return extremeOf(values, 1);
    }
  }
  function groupByKey(rows, keyOf2, read) {
    const groups = /* @__PURE__ */ new Map();
    for (let i = 0; i < rows.length; i++) {
      const key = keyOf2(rows[i]);
      const value = read ? read(rows[i]) : true;
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
    return groups;
  }
  function noneValue(fn) {
    return fn === "count" ? 0 : fn === "exists" ? false : null;
  }

  // src/query/EagerQuery.ts
  var EagerQuery = class _EagerQuery extends ConditionBuilder {
    constructor(model) {
      super(modelName(model));
      /** Relations to load with the results, as a tree of dot paths. */
      this.preloads = [];
      /** True on a query made by a relation (Lucid's flags, for onQuery and callbacks to tell where they run). */
      this.isRelatedQuery = false;
      /** True inside the sub-queries of `withCount`, `has` and `whereHas`. */
      this.isRelatedSubQuery = false;
      /** True on the query that preloads a relation (`with`, `preload`, `load`, `eagerQuery`). */
      this.isRelatedPreloadQuery = false;
      this.counts = [];
      /** The `$extras` name a withCount/withAggregate sub-query gave its result with `as()`. */
      this.countAlias = null;
      /** Inside a withAggregate callback (null until it calls one), what its sum/avg/min/max/count asked for. */
      this.capturedAggregate = void 0;
      /** Relations whose sheets `has`/`whereHas` conditions read. */
      this.tested = [];
      /** Counts already made in this read (to order by), for loadRelations to reuse. */
      this.countsMade = null;
      this.model = model;
    }
    /** Starts a read: counts made by an earlier one may be out of date (writes in a session). */
    forgetCounts() {
      this.countsMade = null;
    }
    /** A where-group runs where its query runs: it carries the query's flags. */
    flagGroup(group) {
      group.isRelatedQuery = this.isRelatedQuery;
      group.isRelatedSubQuery = this.isRelatedSubQuery;
      group.isRelatedPreloadQuery = this.isRelatedPreloadQuery;
      return group;
    }
    /**
     * A copy of the query (clauses, order, paging, preloads, counts) that changes apart from this one
     * (Lucid's `clone()`: `const total = query.clone().count()`).
     */
    clone() {
      const copy = Object.create(Object.getPrototypeOf(this));
      const fields = this;
      for (const key of Object.keys(fields)) {
        const value = fields[key];
        copy[key] = Array.isArray(value) ? value.slice() : value;
      }
      copy.preloads = copyPreloads(this.preloads);
      copy.countsMade = null;
      return copy;
    }
    with(...args) {
      addPreloads(this.model, this.preloads, args);
      return this;
    }
    /** Lucid's spelling of `with(name, callback?)`. */
    preload(name, callback) {
      addPreloads(this.model, this.preloads, callback ? [name, callback] : [name]);
      return this;
    }
    withCount(...args) {
      return this.addRowAggregates("withCount", "count", args);
    }
    withExists(...args) {
      return this.addRowAggregates("withExists", "exists", args);
    }
    /**
     * Sets `$extras.<relation>_sum_<column>` (or `$extras.<alias>` for `'posts as total'`): the total of
     * the related rows' numbers in `column`, or null when there are none, as SQL's SUM (Eloquent's
     * withSum). Constrain the rows with `withSum({ posts: q => q.where(...) }, 'likes')`.
     */
    withSum(relation, column) {
      return this.addColumnAggregates("withSum", "sum", relation, column, arguments.length);
    }
    /** Sets `$extras.<relation>_avg_<column>`: the mean of the related rows' numbers in `column`, or null (Eloquent's withAvg). */
    withAvg(relation, column) {
      return this.addColumnAggregates("withAvg", "avg", relation, column, arguments.length);
    }
    /** Sets `$extras.<relation>_min_<column>`: the smallest value (number, text or Date) in `column`, or null (Eloquent's withMin). */
    withMin(relation, column) {
      return this.addColumnAggregates("withMin", "min", relation, column, arguments.length);
    }
    /** Sets `$extras.<relation>_max_<column>`: the largest value (number, text or Date) in `column`, or null (Eloquent's withMax). */
    withMax(relation, column) {
      return this.addColumnAggregates("withMax", "max", relation, column, arguments.length);
    }
    /**
     * Lucid's withAggregate: the callback constrains the related query and names one aggregate on it,
     * `withAggregate('posts', q => q.where('published', true).sum('likes').as('totalLikes'))`
     * (sum, avg, min, max or count; without `as()` the name is Eloquent's, `posts_sum_likes`).
     */
    withAggregate(name, callback) {
      if (typeof callback !== "function") {
        throw new ValidationError(`${this.owner}.withAggregate(${describeValue(name)}, \u2026): expected a callback naming the aggregate, such as q => q.sum('likes').as('total'), got ${describeValue(callback)}.`);
      }
      const { relation, alias } = parseRelationName(this.model, this.owner, name, "withAggregate");
      this.counts.push({ relation, alias: alias || "", named: alias !== null, fn: null, column: null, callback });
      return this;
    }
    /** withCount/withExists: names, lists of names, a name and its callback, or names mapped to callbacks. */
    addRowAggregates(method, fn, args) {
      if (args.length === 2 && typeof args[0] === "string" && (typeof args[1] === "function" || args[1] === void 0 || args[1] === null)) {
        return this.addAggregate(method, fn, args[0], args[1] || void 0, null);
      }
      const names = [].concat(...args.map((arg) => Array.isArray(arg) ? arg : [arg]));
      if (!names.length) throw new ValidationError(`${this.owner}.${method}(): expected relation names, such as ${method}('tags'), got none.`);
      for (const name of names) {
        if (isPlainObject(name)) {
          this.addConstrained(method, fn, name, null);
          continue;
        }
        if (typeof name === "function") {
          throw new ValidationError(`${this.owner}.${method}(): a callback goes right after one relation name: ${method}('tags', q => ...).`);
        }
        this.addAggregate(method, fn, name, void 0, null);
      }
      return this;
    }
    /** withSum and kin: a relation name (or names mapped to callbacks) and the column. */
    addColumnAggregates(method, fn, relation, column, given2) {
      const name = checkColumn(column, this.owner, method).trim();
      if (given2 > 2) {
        const shown = typeof relation === "string" ? relation.trim() : "posts";
        const key = /^[A-Za-z_$][\w$]*$/.test(shown) ? shown : `'${shown}'`;
        const naming = /\sas\s/i.test(shown) ? "" : `, or name the result with '${shown} as total'`;
        throw new ValidationError(`${this.owner}.${method}(): it takes a relation and a column, and got ${given2} arguments; constrain the rows with ${method}({ ${key}: q => q.where(\u2026) }, '${name}')${naming}.`);
      }
      if (isPlainObject(relation)) this.addConstrained(method, fn, relation, name);
      else this.addAggregate(method, fn, relation, void 0, name);
      return this;
    }
    addConstrained(method, fn, constrained, column) {
      const what = fn === "count" ? "count" : fn === "exists" ? "test" : "rows";
      for (const name of Object.keys(constrained)) {
        const callback = constrained[name];
        if (callback !== void 0 && callback !== null && typeof callback !== "function") {
          throw new ValidationError(`${this.owner}.${method}(): the value for "${name}" must be a callback constraining the ${what} (q => ...), got ${describeValue(callback)}.`);
        }
        this.addAggregate(method, fn, name, callback || void 0, column);
      }
    }
    addAggregate(method, fn, name, callback, column) {
      const { relation, alias } = parseRelationName(this.model, this.owner, name, method);
      this.counts.push({ relation, alias: alias || defaultAlias(relation, fn, column), named: alias !== null, fn, column, callback });
      return this;
    }
    /** Inside a withCount or withAggregate callback, names the result (Lucid's `withCount('posts', q => q.as('total'))`). */
    as(alias) {
      if (typeof alias !== "string" || !alias.trim()) {
        throw new ValidationError(`${this.owner}.as(): expected a name for the count such as 'total', got ${describeValue(alias)}.`);
      }
      checkAlias(alias.trim(), this.owner, `as('${alias}')`, "withCount");
      this.countAlias = alias.trim();
      return this;
    }
    /** In a withAggregate callback, sum/avg/min/max/count name the aggregate instead of computing it (true then). */
    captured(fn, column) {
      if (this.capturedAggregate === void 0) return false;
      captureAggregate(this, this.owner, fn, column);
      return true;
    }
    /** Keeps rows with related rows (`has('tags')`, `has('tags', '>=', 2)`, `has('posts.tags')`). */
    has(name, operator = ">=", count = 1) {
      return this.addHas("has", "and", name, void 0, operator, count);
    }
    /** Alias of `has` (Lucid). */
    andHas(name, operator = ">=", count = 1) {
      return this.addHas("andHas", "and", name, void 0, operator, count);
    }
    /** OR-ed `has`. */
    orHas(name, operator = ">=", count = 1) {
      return this.addHas("orHas", "or", name, void 0, operator, count);
    }
    /** Keeps rows with related rows matching the callback's query. */
    whereHas(name, callback, operator = ">=", count = 1) {
      return this.addHas("whereHas", "and", name, callback, operator, count);
    }
    /** Alias of `whereHas` (Lucid). */
    andWhereHas(name, callback, operator = ">=", count = 1) {
      return this.addHas("andWhereHas", "and", name, callback, operator, count);
    }
    /** OR-ed `whereHas`. */
    orWhereHas(name, callback, operator = ">=", count = 1) {
      return this.addHas("orWhereHas", "or", name, callback, operator, count);
    }
    /** Keeps rows without related rows. */
    doesntHave(name) {
      return this.addHas("doesntHave", "and", name, void 0, "<", 1);
    }
    /** Alias of `doesntHave` (Lucid). */
    andDoesntHave(name) {
      return this.addHas("andDoesntHave", "and", name, void 0, "<", 1);
    }
    /** OR-ed `doesntHave`. */
    orDoesntHave(name) {
      return this.addHas("orDoesntHave", "or", name, void 0, "<", 1);
    }
    /** Keeps rows without related rows matching the callback's query. */
    whereDoesntHave(name, callback) {
      return this.addHas("whereDoesntHave", "and", name, callback, "<", 1);
    }
    /** Alias of `whereDoesntHave` (Lucid). */
    andWhereDoesntHave(name, callback) {
      return this.addHas("andWhereDoesntHave", "and", name, callback, "<", 1);
    }
    /** OR-ed `whereDoesntHave`. */
    orWhereDoesntHave(name, callback) {
      return this.addHas("orWhereDoesntHave", "or", name, callback, "<", 1);
    }
    /** The sheets this query will read that are known before it runs (for one batched read). */
    adoptGroup(group) {
      if (group instanceof _EagerQuery) this.tested.push(...group.tested);
    }
    sheetsInvolved(withLoads = true) {
      const refs = [tableRef(this.model)];
      for (const relation of this.tested) refs.push(...relation.tables());
      if (!withLoads) return refs;
      preloadSheets(this.model, this.preloads, refs);
      return refs.concat(this.countSheets());
    }
    /** The sheets the withCounts read. */
    countSheets() {
      const refs = [];
      for (const spec of this.counts) refs.push(...this.model.$getRelation(spec.relation).tables());
      return refs;
    }
    /** Loads preloads and counts onto freshly read models. */
    loadRelations(models) {
      const made = this.countsMade;
      this.countsMade = null;
      if (!models.length) return;
      if (this.preloads.length) loadPreloads(this.model, models, this.preloads);
      this.setCounts(models, made);
    }
    /**
     * Sets the withCounts on models already read, reading only the relations' sheets (Lucid's
     * loadCount). In a transaction that rolls back, the models get their `$extras` back: the rows
     * counted may never be written.
     */
    countOnto(models) {
      if (!models.length) return;
      readScope(() => {
        prefetch(this.countSheets());
        this.setCounts(models, null, inUnitOfWork(), true);
      });
    }
    /** `only`: the results are for `models` alone (loadCount and kin), not for a query's every parent. */
    setCounts(models, made, undoable = false, only = false) {
      for (const spec of this.counts) {
        const { alias, keyColumn, values, none } = made && made.results.get(spec) || this.aggregateFor(spec, only ? models : void 0);
        this.model.$getRelation(spec.relation).assertParentColumn(models, keyColumn);
        if (undoable) recordExtrasUndo(models, alias);
        models.forEach((model) => {
          const value = values.get(normalizeKey(readAttribute(model, keyColumn)));
          extrasOf(model)[alias] = value === void 0 ? none : cloneValue(value);
        });
      }
    }
    /** Whether a withCount (or kin) may give `name` (one with a callback may rename itself with as()). */
    mayBeCount(name) {
      return this.counts.some((spec) => spec.callback || spec.alias === name);
    }
    /**
     * A withCount's count (or a withSum's total, ...) as a column of the rows of `table`
     * (`orderBy('comments_count', 'desc')`, as Lucid orders by the alias), or null when none gives that name.
     */
    countColumn(name, table) {
      if (!this.counts.length) return null;
      if (!this.countsMade || this.countsMade.table !== table) this.countsMade = { table, results: /* @__PURE__ */ new Map() };
      const results = this.countsMade.results;
      for (const spec of this.counts) {
        if (!spec.callback && spec.alias !== name) continue;
        let result = results.get(spec);
        if (!result) results.set(spec, result = this.aggregateFor(spec));
        if (result.alias !== name) continue;
        const index = table.column(result.keyColumn, this.owner);
        const { values, none } = result;
        return (row) => {
          const value = values.get(normalizeKey(row[index]));
          return value === void 0 ? none : value;
        };
      }
      return null;
    }
    aggregateFor(spec, parents) {
      const relation = this.model.$getRelation(spec.relation);
      const plan = aggregatePlan(spec, this.owner);
      let values;
      if (spec.fn === "count" || spec.fn === "exists") {
        const counts = relation.countByParent(plan.constrain, parents);
        values = spec.fn === "count" ? counts : new Map(Array.from(counts.keys(), (key) => [key, true]));
      } else {
        const groups = relation.valuesByParent(plan.constrain, parents, () => plan.result().column);
        const fn2 = plan.result().fn;
        values = /* @__PURE__ */ new Map();
        groups.forEach((list, key) => values.set(key, foldValues(fn2, list)));
      }
      const { alias, fn } = plan.result();
      return { alias, keyColumn: parentKeyColumn(relation), values, none: noneValue(fn) };
    }
    addHas(method, bool, name, callback, operator, count) {
      if (typeof name !== "string" || !name || name.split(".").some((part) => !part)) {
        throw new ValidationError(`${this.owner}.${method}(): expected a relation name such as 'tags' or a path such as 'posts.tags', got ${describeValue(name)}.`);
      }
      if (callback === null) callback = void 0;
      if (callback !== void 0 && typeof callback !== "function") {
        throw new ValidationError(`${this.owner}.${method}('${name}', ...): the second argument is a callback constraining the related query, got ${describeValue(callback)}.`);
      }
      count = digitsAsNumber(count);
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
        throw new ValidationError(`${this.owner}.${method}('${name}', ...): the count must be a whole number of 0 or more, got ${describeValue(count)}.`);
      }
      const op = checkOperator(operator, `${this.owner}.${method}('${name}', \u2026)`);
      const dot = name.indexOf(".");
      if (dot > 0) {
        const first = name.slice(0, dot);
        const rest = name.slice(dot + 1);
        let related = this.model.$getRelation(first).relatedModel();
        for (const part of rest.split(".")) {
          const deeper = related.$getRelation(part);
          this.tested.push(deeper);
          related = deeper.relatedModel();
        }
        const absent = op === "<" && count === 1;
        const nested = absent ? (query) => query.whereHas(rest, callback) : (query) => query.whereHas(rest, callback, op, count);
        return this.addHas(method, bool, first, nested, absent ? "<" : ">=", 1);
      }
      const relation = this.model.$getRelation(name);
      this.tested.push(relation);
      const accept = countMatcher(op, count);
      this.conditions.push({
        kind: "deferred",
        bool,
        not: false,
        late: true,
        prepare: (resolve) => {
          const read = resolve(parentKeyColumn(relation), "model", relation.label());
          let counts = null;
          return (row) => accept((counts || (counts = relation.countByParent(callback))).get(normalizeKey(read(row))) || 0);
        }
      });
      return this;
    }
  };
  function recordExtrasUndo(models, alias) {
    const had = models.map((model) => Object.prototype.hasOwnProperty.call(extrasOf(model), alias));
    const before = models.map((model) => extrasOf(model)[alias]);
    recordUndo(
      () => models.forEach((model, i) => {
        if (had[i]) extrasOf(model)[alias] = before[i];
        else delete extrasOf(model)[alias];
      })
    );
  }
  function parentKeyColumn(relation) {
    relation.boot();
    return relation.type === "belongsTo" ? relation.foreignKey : relation.localKey;
  }
  function countMatcher(operator, count) {
    if (typeof count !== "number") return operatorMatcher(operator, count);
    switch (operator) {
      case ">=":
        return (actual) => actual >= count;
      case ">":
        return (actual) => actual > count;
      case "<":
        return (actual) => actual < count;
      case "<=":
        return (actual) => actual <= count;
      case "=":
      case "==":
        return (actual) => actual === count;
      case "!=":
      case "<>":
        return (actual) => actual !== count;
      default:
        return operatorMatcher(operator, count);
    }
  }
  function copyPreloads(nodes) {
    return nodes.map((node) => ({ ...node, children: copyPreloads(node.children) }));
  }

  // src/query/OrderedQuery.ts
  var OrderedQuery = class extends EagerQuery {
    constructor() {
      super(...arguments);
      this.orders = [];
      this.limitCount = null;
      this.offsetCount = 0;
    }
    /** Sorts by a column (stable; empty cells last in both directions, as Sheets sorts). Call again for further keys. */
    orderBy(column, direction = "asc", nulls) {
      if (Array.isArray(column)) {
        column.forEach((item) => {
          if (typeof item === "string") this.orderBy(item, direction, nulls);
          else if (isPlainObject(item)) this.orderBy(item.column, item.order || "asc", item.nulls);
          else throw new ValidationError(`${this.owner}.orderBy([...]): each item is a column or { column, order?, nulls? }, got ${describeValue(item)}.`);
        });
        return this;
      }
      checkColumn(column, this.owner, "orderBy");
      const dir = typeof direction === "string" ? direction.toLowerCase() : direction;
      if (dir !== "asc" && dir !== "desc") {
        throw new ValidationError(`${this.owner}.orderBy('${column}', ${describeValue(direction)}): the direction must be 'asc' or 'desc'.`);
      }
      if (nulls !== void 0 && nulls !== "first" && nulls !== "last") {
        throw new ValidationError(`${this.owner}.orderBy('${column}', '${dir}', ${describeValue(nulls)}): empty cells go 'first' or 'last' (the default).`);
      }
      this.orders.push({ column, direction: dir, nullsFirst: nulls === "first" });
      return this;
    }
    /** `orderBy(column, 'desc')` (Eloquent's orderByDesc). */
    orderByDesc(column) {
      return this.orderBy(column, "desc");
    }
    /** Newest first: `orderBy(column, 'desc')`, by `created_at` unless told (Eloquent's latest). */
    latest(column = "created_at") {
      return this.orderBy(column, "desc");
    }
    /** Oldest first: `orderBy(column, 'asc')`, by `created_at` unless told (Eloquent's oldest). */
    oldest(column = "created_at") {
      return this.orderBy(column, "asc");
    }
    /** Keeps at most `count` rows (a whole number, or its digits as text: a doGet's `e.parameter`). */
    limit(count) {
      this.limitCount = this.checkCount(count, "limit");
      return this;
    }
    /** Skips the first `count` rows. */
    offset(count) {
      this.offsetCount = this.checkCount(count, "offset");
      return this;
    }
    /** `limit(count)` (Eloquent's take). */
    take(count) {
      this.limitCount = this.checkCount(count, "take");
      return this;
    }
    /** `offset(count)` (Eloquent's skip). */
    skip(count) {
      this.offsetCount = this.checkCount(count, "skip");
      return this;
    }
    /** Page `page` (1-based; 0 reads as 1, as Eloquent's) of `perPage` rows. */
    forPage(page, perPage = 20) {
      const p = this.checkCount(page, "forPage", "page");
      const size = this.checkCount(perPage, "forPage", "perPage");
      return this.offset(p <= 1 ? 0 : (p - 1) * size).limit(size);
    }
    /** Rows sorted by orderBy, then cut by offset and limit (`limit` overrides limit()). */
    ordered(table, rows, valuesOf, orders = this.orders, limit = this.limitCount) {
      if (orders.length) rows = this.sortedBy(table, rows, valuesOf, orders);
      const end = limit === null ? void 0 : this.offsetCount + limit;
      return this.offsetCount || end !== void 0 ? rows.slice(this.offsetCount, end) : rows;
    }
    /** A sorted copy of the rows. */
    sortedBy(table, rows, valuesOf, orders) {
      const resolve = this.resolveColumn(table);
      const keys = orders.map((order) => ({ read: resolve(order.column, "model"), sign: order.direction === "desc" ? -1 : 1, nullsFirst: order.nullsFirst === true }));
      return rows.slice().sort((a, b) => {
        for (const key of keys) {
          const order = compareForOrder(key.read(valuesOf(a)), key.read(valuesOf(b)), key.sign, key.nullsFirst);
          if (order !== 0) return order;
        }
        return 0;
      });
    }
    /** A whole number ≥ `least`; `argument` names which one when the method takes two. */
    checkCount(given2, method, argument, least = 0) {
      const value = digitsAsNumber(given2);
      if (typeof value !== "number" || !(value >= least) || Math.floor(value) !== value) {
        if (argument) throw new ValidationError(`${this.owner}.${method}(): ${argument} must be a whole number \u2265 ${least}, not ${describeValue(given2)}.`);
        throw new ValidationError(`${this.owner}.${method}(${describeValue(given2)}): expected a whole number \u2265 ${least}.`);
      }
      return value;
    }
  };

  // src/query/MatchingQuery.ts
  var MatchingQuery = class extends OrderedQuery {
    constructor() {
      super(...arguments);
      /** Conditions ANDed with all the others (see scopeToKeys). */
      this.scope = [];
      /** A relation's own filters, ANDed after the key scope (which narrowing looks up first) and before the caller's clauses. */
      this.sealed = null;
    }
    /**
     * Throws for an order column the table lacks: order changes no count, but a typo is an error in
     * counts too (a withCount alias is left to get(): telling it would mean counting).
     */
    assertOrderColumns(table) {
      for (const order of this.orders) {
        const name = this.unqualify(order.column, table);
        if (!table.header.has(name) && !this.mayBeCount(name)) table.column(name, this.owner);
      }
    }
    /** The matching rows of a table, to change: filtered, sorted, sliced. */
    matchingEntries(table) {
      const test = this.predicate(table);
      const rows = this.narrowed(table) || table.rows();
      return this.ordered(table, rows.filter((entry) => test(entry.values)), (entry) => entry.values);
    }
    /** The current values of the matching rows, to read (no row entries needed): filtered, sorted, sliced. */
    selectValues(table) {
      return this.ordered(table, this.matchingValues(table), (values) => values);
    }
    /**
     * The current values of every matching row, unsorted and unsliced: what withCount/has count, as
     * a correlated SQL count ignores its sub-query's limit.
     */
    matchingValues(table) {
      if (!this.conditions.length && !this.scope.length && !this.sealed) return table.liveValues().slice();
      const test = this.predicate(table);
      return this.candidateValues(table).filter(test);
    }
    /** The live rows the query's predicate needs to test: those `narrowed` gives, else every one. */
    candidateValues(table) {
      const narrowed = this.narrowed(table);
      return narrowed ? narrowed.map((entry) => entry.values) : table.liveValues();
    }
    /**
     * The only live rows an AND-ed equality lets match, in order, from the table's groups of its
     * column (a script querying by key in a session's loop looks each up in a Map); null to scan.
     */
    narrowed(table) {
      const equality = equalityOf(this.scopedConditions());
      if (!equality) return null;
      const name = this.unqualify(equality.column, table);
      return table.header.has(name) ? table.rowsHolding(table.header.indexOf(name), equality.normalised ? normalizeKey : equalityKey, equality.key) : null;
    }
    /** The where-conditions as one predicate over a table's rows. */
    predicate(table) {
      return compile(this.scopedConditions(), this.resolveColumn(table), this.zoneOf(table));
    }
    /** The clauses, ANDed as one group with the scope's key conditions (see scopeToKeys). */
    scopedConditions() {
      if (!this.scope.length && !this.sealed) return this.conditions;
      const group = { kind: "group", bool: "and", not: false, conditions: this.conditions };
      return this.scope.concat(this.sealed ? [this.sealed] : [], this.conditions.length ? [group] : []);
    }
    /** The time zone date text in conditions is read in: the spreadsheet's, asked for only when a Date cell is compared. */
    zoneOf(table) {
      return () => timeZoneOf(table.opened.spreadsheet);
    }
    /**
     * Keeps the query to rows whose column holds one of `keys`, ANDed with every clause as one group
     * (as Lucid's relation queries wrap theirs): `orWhere` cannot reach other parents' rows.
     */
    scopeToKeys(column, keys) {
      this.scope.push(this.keyInCondition(column, keys, "model", "query"));
      return this;
    }
    /**
     * Seals the clauses so far (a relation's onQuery and chained filters) into one group, ANDed after
     * the key scope and before the caller's clauses, so that an `orWhere` cannot widen them.
     */
    sealConditions() {
      if (this.conditions.length) this.sealed = { kind: "group", bool: "and", not: false, conditions: this.conditions.splice(0) };
      return this;
    }
    /** Runs `read` with the query kept to the rows holding one primary key (`find`); the key is not kept on the builder. */
    readByKey(keys, values, read) {
      const mark = this.scope.length;
      try {
        keys.forEach((key, i) => {
          const value = values[i];
          if (typeof value === "string" && isoDateOf(value)) this.scope.push({ kind: "in", bool: "and", not: false, source: "model", column: key, values: [value] });
          else this.scopeToKeys(key, [value]);
        });
        return read();
      } finally {
        this.scope.length = mark;
      }
    }
    /** How a column name is read from a row of this query's table. */
    resolveColumn(table) {
      return (column, source, owner = this.owner) => {
        const name = this.unqualify(column, table);
        const counted = table.header.has(name) ? null : this.countColumn(name, table);
        if (counted) return counted;
        const index = table.column(name, owner);
        return (values) => values[index];
      };
    }
    /** `posts.title` → `title` when `posts` names this query's sheet. */
    unqualify(column, table) {
      return unqualified(column, table);
    }
  };

  // src/model/keyChange.ts
  function assertKeyChange(table, entry, columns, values, owner) {
    const names = columns.map((column) => table.header.names[column]).join(", ");
    const shown = values.map(describeValue).join(", ");
    if (values.some(isBlankKey)) {
      throw new ValidationError(`${owner}: cannot set the key ${names} to ${shown}: a row's key cannot be blank.`);
    }
    const holder = table.find(columns, normalizeCompositeKey(values));
    if (holder && holder !== entry) {
      throw new DuplicateKeyError(`${owner}: cannot change the key ${names} to ${shown}: ${table.opened.describe()} already has a row with it. Nothing was written.`);
    }
  }
  function assertKeyUpdate(model, table, columns, entries, values, asker2 = modelName(model)) {
    const keyColumns2 = primaryKeys(model).map((key) => table.header.indexOf(key));
    if (!entries.length || !columns.some((column) => keyColumns2.indexOf(column) >= 0)) return;
    const owner = `${asker2}.update()`;
    if (entries.length === 1) {
      const entry = entries[0];
      assertKeyChange(table, entry, keyColumns2, nextKey(entry, keyColumns2, columns, values), owner);
      return;
    }
    const updated = new Set(entries);
    const taken = /* @__PURE__ */ new Set();
    const names = keyColumns2.map((column) => table.header.names[column]).join(", ");
    const next = entries.map((entry) => nextKey(entry, keyColumns2, columns, values));
    const shown = (key) => key.map(describeValue).join(", ");
    for (const key of next) {
      if (key.some(isBlankKey)) throw new ValidationError(`${owner}: cannot set the key ${names} to ${shown(key)}: a row's key cannot be blank.`);
      const normal = normalizeCompositeKey(key);
      if (taken.has(normal)) {
        throw new ValidationError(`${owner}: setting the key on ${entries.length} rows would give two of them the key ${names} = ${shown(key)} (a duplicate); update one row at a time.`);
      }
      taken.add(normal);
    }
    for (const key of next) {
      const normal = normalizeCompositeKey(key);
      const holder = table.find(keyColumns2, normal);
      if (holder && (!updated.has(holder) || table.isDuplicated(keyColumns2, normal))) {
        throw new DuplicateKeyError(`${owner}: cannot change the key ${names} to ${shown(key)}: ${table.opened.describe()} already has a row with it. Nothing was written.`);
      }
    }
  }
  function nextKey(entry, keyColumns2, columns, values) {
    return keyColumns2.map((keyColumn) => columns.indexOf(keyColumn) >= 0 ? values[columns.indexOf(keyColumn)] : entry.values[keyColumn]);
  }

  // src/query/update.ts
  function setAttributes(model, table, attributes, entries, owner, unqualify) {
    const names = Object.keys(attributes).filter((name) => attributes[name] !== void 0);
    const columns = names.map((name) => table.column(unqualify(name), owner));
    const rows = entries();
    const values = names.map((name) => attributes[name]);
    const cells = values.map((value, i) => table.cell(value, owner, table.header.names[columns[i]]));
    assertKeyUpdate(model, table, columns, rows, values, owner);
    for (const entry of rows) {
      columns.forEach((column, i) => {
        if (!sameValue(entry.values[column], cells[i]) && !sameAsOwnText(values[i], entry.values[column])) table.set(entry, column, values[i], owner);
      });
    }
    return rows.length;
  }

  // src/query/scopes.ts
  var scopes = /* @__PURE__ */ new WeakSet();
  function scope(callback) {
    if (typeof callback !== "function") {
      throw new ValidationError(`scope(callback): expected a function such as q => q.where('status', 'published'), got ${describeValue(callback)}.`);
    }
    const declared3 = ((query, ...args) => callback(query, ...args));
    Object.defineProperty(declared3, "isQueryScope", { value: true });
    scopes.add(declared3);
    return declared3;
  }
  function declaredScopes(model) {
    var _a;
    const found = /* @__PURE__ */ new Map();
    for (let cls = model; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
      for (const name of Object.getOwnPropertyNames(cls)) {
        const value = (_a = Object.getOwnPropertyDescriptor(cls, name)) == null ? void 0 : _a.value;
        if (!found.has(name) && typeof value === "function" && scopes.has(value)) found.set(name, value);
      }
    }
    return found;
  }
  var introspected = /* @__PURE__ */ new Set(["toJSON", "then", "inspect", "constructor", "toString", "valueOf"]);
  function scopesFor(model, modelName2, query, method) {
    const declared3 = declaredScopes(model);
    const applied = {};
    for (const [name, declaredScope] of declared3) {
      applied[name] = (...args) => {
        declaredScope(query, ...args);
        return proxy;
      };
    }
    const proxy = new Proxy(applied, {
      get(target, name) {
        if (typeof name !== "string" || name in target || introspected.has(name)) return Reflect.get(target, name);
        const known = declared3.size ? `its scopes: ${[...declared3.keys()].join(", ")}` : "it declares none";
        throw new ValidationError(
          `${modelName2}.${method}(): ${modelName2} has no scope "${name}" (${known}). Declare one as ${modelName2}.${name} = SheetORM.scope(q => q.where(...)).`
        );
      }
    });
    return proxy;
  }

  // src/query/QueryBuilder.ts
  var QueryBuilder = class _QueryBuilder extends MatchingQuery {
    constructor(model) {
      super(model);
    }
    newGroup() {
      const group = this.flagGroup(new _QueryBuilder(this.model));
      group.owner = this.owner;
      return group;
    }
    /**
     * Applies scopes the model declares with `scope(...)` (Lucid's withScopes):
     * `Post.query().withScopes(s => s.published().by(user))`. TypeScript callers may name the type:
     * `(s: ScopesOf<typeof Post>) => ...`.
     */
    withScopes(callback) {
      return this.applyScopes(callback, "withScopes");
    }
    /** Lucid 5's spelling of `withScopes`. */
    apply(callback) {
      return this.applyScopes(callback, "apply");
    }
    applyScopes(callback, method) {
      if (typeof callback !== "function") {
        throw new ValidationError(`${this.owner}.${method}(callback): expected a function such as s => s.published(), got ${describeValue(callback)}.`);
      }
      callback(scopesFor(this.model, modelName(this.model), this, method));
      return this;
    }
    /** The matching models. */
    get() {
      refuseColumnList(arguments[0], this.owner, "get");
      return readScope(() => {
        this.forgetCounts();
        prefetch(this.sheetsInvolved());
        const table = readTable(tableRef(this.model));
        const hydrator = new Hydrator(this.model, table);
        const models = table.hasEntries ? this.matchingEntries(table).map((entry) => hydrator.entry(entry)) : this.selectValues(table).map((values) => hydrator.row(values, true));
        this.loadRelations(models);
        return Collection.wrap(models);
      });
    }
    /** Lucid's and Eloquent's column selection: refused (rows are read whole), pointing to serialize and pluck. */
    select(..._columns) {
      throw columnListError(this.owner, "select");
    }
    /**
     * Hands the matching models to `callback(models, page)` `size` at a time (Eloquent's chunk), after
     * one read per sheet; returning false stops. Returns whether every chunk was handed over.
     */
    chunk(size, callback) {
      const count = this.checkCount(size, "chunk", "size", 1);
      if (typeof callback !== "function") {
        throw new ValidationError(`${this.owner}.chunk(size, callback): expected a size of 1 or more and a function, got ${describeValue(size)} and ${describeValue(callback)}.`);
      }
      const models = this.get();
      for (let start = 0, page = 1; start < models.length; start += count, page++) {
        if (callback(models.slice(start, start + count), page) === false) return false;
      }
      return true;
    }
    /** The first matching model, or null. */
    first() {
      refuseColumnList(arguments[0], this.owner, "first");
      const previous = this.limitCount;
      this.limitCount = 1;
      try {
        return this.get().first();
      } finally {
        this.limitCount = previous;
      }
    }
    /** The first matching model, or ModelNotFoundError. */
    firstOrFail() {
      refuseColumnList(arguments[0], this.owner, "firstOrFail");
      const found = this.first();
      if (!found) throw new ModelNotFoundError(`${this.owner}: no row of ${describeRef(tableRef(this.model))} matches the query.`);
      return found;
    }
    /**
     * The matching model with this primary key (an array or object for composite keys), or null. The
     * key is ANDed with the query's clauses as a whole (`orWhere` cannot reach other keys) and not
     * kept on the builder.
     */
    find(id) {
      refuseColumnList(arguments[1], this.owner, "find");
      const keys = primaryKeys(this.model);
      const values = keyValues(this.owner, keys, id);
      if (!values) return null;
      if (this.findsInIndex(values)) {
        const indexed = this.findInIndex(keys, values);
        if (indexed !== void 0) return indexed;
      }
      return this.readByKey(keys, values, () => this.first());
    }
    /**
     * Whether `find` may look the key up in the table's key index: a plain find (no clauses, order or
     * offset) on a model's own query, in a session or transaction, which keeps the sheet for the
     * finds after it (scripts find in loops). Date text is matched by the scan.
     */
    findsInIndex(values) {
      if (Object.getPrototypeOf(this) !== _QueryBuilder.prototype || !readsAreKept()) return false;
      if (this.scopedConditions().length || this.orders.length || this.offsetCount) return false;
      return !values.some((value) => typeof value === "string" && isoDateOf(value));
    }
    /** The model with the key, looked up in the table's index; undefined for a key typed twice (the scan decides). */
    findInIndex(keys, values) {
      return readScope(() => {
        this.forgetCounts();
        prefetch(this.sheetsInvolved());
        const table = readTable(tableRef(this.model));
        const columns = keys.map((key2) => table.column(key2, this.owner));
        const key = normalizeCompositeKey(values);
        if (table.isDuplicated(columns, key)) return void 0;
        const entry = table.find(columns, key);
        if (!entry) return null;
        const model = new Hydrator(this.model, table).entry(entry);
        this.loadRelations([model]);
        return model;
      });
    }
    /** `find`, or ModelNotFoundError. */
    findOrFail(id) {
      refuseColumnList(arguments[1], this.owner, "findOrFail");
      const found = this.find(id);
      if (!found) {
        const keys = primaryKeys(this.model);
        const values = keys.length > 1 ? keyValues(this.owner, keys, id) : null;
        const shown = values ? keys.map((key, i) => `${key} ${describeValue(values[i])}`).join(", ") : `${keys.join(", ")} ${describeValue(id)}`;
        throw new ModelNotFoundError(`${this.owner} with ${shown} not found in ${describeRef(tableRef(this.model))}.`);
      }
      return found;
    }
    /**
     * How many rows match (limit and offset do not apply); with a column, how many of them hold a
     * value in it (SQL's `count(column)` skips nulls, and an empty cell is null).
     */
    count(column) {
      if (this.captured("count", column)) return this;
      const counted = countedColumn(column, this.owner);
      return readScope(() => {
        const table = this.tableToCount();
        const test = this.predicate(table);
        const index = counted === null ? -1 : table.column(this.unqualify(counted, table), this.owner);
        let total = 0;
        const rows = this.candidateValues(table);
        for (let i = 0; i < rows.length; i++) if (test(rows[i]) && (index < 0 || rows[i][index] !== null)) total++;
        return total;
      });
    }
    /** Whether any row matches, after offset and limit (`forPage(n + 1, size).exists()` asks for a next page). */
    exists() {
      if (this.limitCount === 0) return false;
      const cap = this.rowCap();
      const capturing = this.capturedAggregate;
      this.capturedAggregate = void 0;
      let total;
      try {
        total = this.count();
      } finally {
        this.capturedAggregate = capturing;
      }
      return (cap === null ? total : Math.min(total, cap)) > this.offsetCount;
    }
    /** Whether no row matches (Eloquent's doesntExist). */
    doesntExist() {
      return !this.exists();
    }
    /**
     * Page `page` (1-based) of `perPage` rows, with the total and page links (Lucid's paginate). One
     * read of each sheet gives both the page and the total.
     */
    paginate(page, perPage = 20) {
      refusePaginateInCallback(this, this.owner);
      const current2 = Math.max(1, this.checkCount(page, "paginate", "page"));
      const size = this.checkCount(perPage, "paginate", "perPage (a page holds at least one row)", 1);
      return readScope(() => {
        prefetch(this.sheetsInvolved());
        const total = this.count();
        const rows = this.clone().forPage(current2, size).get();
        return Paginator.page(rows, total, size, current2);
      });
    }
    /** The total of a column's numbers over the matching rows (0 for none); numeric text counts, other values are skipped. Limit and offset do not apply, as in count(). */
    sum(column) {
      if (this.captured("sum", column)) return this;
      return Collection.wrap(this.columnValues(column, "sum")).sum();
    }
    /** The mean of a column's numbers over the matching rows, or null when there are none. */
    avg(column) {
      if (this.captured("avg", column)) return this;
      return Collection.wrap(this.columnValues(column, "avg")).avg();
    }
    min(column) {
      if (this.captured("min", column)) return this;
      return Collection.wrap(this.columnValues(column, "min")).min();
    }
    max(column) {
      if (this.captured("max", column)) return this;
      return Collection.wrap(this.columnValues(column, "max")).max();
    }
    /** A column's values for every matching row, unsorted, limit and offset aside (what the aggregates read). */
    columnValues(column, method) {
      const name = checkColumn(column, this.owner, method);
      return readScope(() => {
        const table = this.tableToCount();
        return this.matchingValues(table).map(this.resolveColumn(table)(name, "model"));
      });
    }
    /** A column's values (`true` per row for null) of the matching rows, by the normalised value of `keyColumn`: a relation's withSum and kin. */
    valuesByKey(keyColumn, column) {
      return readScope(() => {
        const table = this.tableToCount();
        const index = table.column(keyColumn, this.owner);
        const read = column === null ? null : this.resolveColumn(table)(column, "model");
        return groupByKey(this.matchingValues(table), (row) => normalizeKey(row[index]), read);
      });
    }
    /** The model's table for a count or an aggregate (preloads aside; order columns still checked). */
    tableToCount() {
      this.forgetCounts();
      prefetch(this.sheetsInvolved(false));
      const table = readTable(tableRef(this.model));
      this.assertOrderColumns(table);
      return table;
    }
    /** How many rows the query keeps before offset and limit apply (a relation's groupLimit on one parent), or null for all. */
    rowCap() {
      return null;
    }
    pluck(column, key) {
      checkColumn(column, this.owner, "pluck");
      if (key !== void 0) checkColumn(key, this.owner, "pluck");
      return readScope(() => {
        this.forgetCounts();
        prefetch(this.sheetsInvolved(false));
        const table = readTable(tableRef(this.model));
        const resolve = this.resolveColumn(table);
        const read = resolve(column, "model");
        const readKey = key === void 0 ? null : resolve(key, "model");
        const rows = this.selectValues(table);
        return readKey ? keyedValues(rows, read, readKey, this.zoneOf(table), `${this.owner}.pluck`) : Collection.wrap(rows.map(read));
      });
    }
    /**
     * Sets attributes on every matching row. Only cells whose value changes are written: a formula
     * already showing the value stays a formula. Returns the number of matching rows.
     */
    update(attributes) {
      this.checkUpdate(attributes);
      return runWrite(`${this.owner}.update`, (unit) => {
        this.forgetCounts();
        const { table, entries } = this.rowsToChange(unit);
        return this.setOnRows(table, attributes, entries);
      });
    }
    increment(column, amount = 1, extra) {
      return this.addToRows(incrementOf(column, amount, extra, this.owner, "increment"), "increment");
    }
    decrement(column, amount = 1, extra) {
      return this.addToRows(incrementOf(column, amount, extra, this.owner, "decrement"), "decrement");
    }
    addToRows(change, method) {
      return runWrite(`${this.owner}.${method}`, (unit) => {
        this.forgetCounts();
        const { table, entries } = this.rowsToChange(unit);
        const rows = entries();
        const keys = primaryKeys(this.model);
        const amounts = change.amounts.map(([name, amount]) => [this.unqualify(name, table), amount]);
        refuseKeyExtras(table, change, keys, this.owner, method, (name) => this.unqualify(name, table));
        addAmounts(table, rows, amounts, keys, this.owner, method);
        if (change.extra) this.setOnRows(table, change.extra, () => rows);
        return rows.length;
      });
    }
    /** The table writes change and its matching rows (a many-to-many query changes its related rows). */
    rowsToChange(unit) {
      const table = unit.table(tableRef(this.model));
      return { table, entries: () => this.matchingEntries(table) };
    }
    /** Refuses anything but an object of attributes, before any read or write. */
    checkUpdate(attributes) {
      if (!isPlainObject(attributes)) {
        throw new ValidationError(`${this.owner}.update(): expected an object of attributes such as { status: 'done' }, got ${describeValue(attributes)}.`);
      }
    }
    /** Sets `attributes` on the rows `entries()` gives; cells that already hold the value are left alone (formulas too). Returns the number of rows. */
    setOnRows(table, attributes, entries) {
      return setAttributes(this.model, table, attributes, entries, this.owner, (name) => this.unqualify(name, table));
    }
    /** Deletes every matching row. Returns the number of rows. */
    delete() {
      return runWrite(`${this.owner}.delete`, (unit) => {
        this.forgetCounts();
        const { table, entries } = this.rowsToChange(unit);
        const rows = entries();
        rows.forEach((entry) => table.remove(entry));
        return rows.length;
      });
    }
  };
  function countedColumn(column, owner) {
    if (column === void 0 || column === "*") return null;
    return checkColumn(column, owner, "count");
  }

  // src/query/groupLimit.ts
  function checkGroupLimit(given2, owner) {
    const count = digitsAsNumber(given2);
    if (typeof count !== "number" || !(count >= 0) || Math.floor(count) !== count) {
      throw new ValidationError(`${owner}.groupLimit(${describeValue(given2)}): expected a whole number \u2265 0.`);
    }
    return count;
  }
  function checkGroupDirection(direction, owner) {
    const dir = String(direction).toLowerCase();
    if (dir !== "asc" && dir !== "desc") throw new ValidationError(`${owner}.groupOrderBy(): the direction must be 'asc' or 'desc'.`);
    return dir;
  }
  function groupOrder(orders, model) {
    return orders.length ? orders : primaryKeys(model).map((column) => ({ column, direction: "desc" }));
  }

  // src/relations/pivot/PivotQueryClauses.ts
  var PivotQueryClauses = class extends QueryBuilder {
    constructor() {
      super(...arguments);
      /** Pivot columns selected into `pivot` and `$extras.pivot_<column>`. */
      this.selectedPivotColumns = [];
    }
    /** Adds pivot columns to each result's `pivot` and `$extras`. */
    pivotColumns(columns) {
      const list = typeof columns === "string" ? [columns] : columns;
      if (!Array.isArray(list) || Array.from(list).some((column) => typeof column !== "string" || !column.trim())) {
        throw new ValidationError(`${this.owner}.pivotColumns(): expected a list of pivot column names, such as ['role'], got ${describeValue(columns)}.`);
      }
      for (const column of list) if (this.selectedPivotColumns.indexOf(column) < 0) this.selectedPivotColumns.push(column);
      return this;
    }
    /** `where` on a pivot column. */
    wherePivot(...args) {
      return this.addWhere("and", false, args, "wherePivot", "pivot");
    }
    /** Alias of `wherePivot`. */
    andWherePivot(...args) {
      return this.addWhere("and", false, args, "andWherePivot", "pivot");
    }
    /** OR-ed `wherePivot`. */
    orWherePivot(...args) {
      return this.addWhere("or", false, args, "orWherePivot", "pivot");
    }
    /** Negated `wherePivot`. */
    whereNotPivot(...args) {
      return this.addWhere("and", true, args, "whereNotPivot", "pivot");
    }
    /** Alias of `whereNotPivot`. */
    andWhereNotPivot(...args) {
      return this.addWhere("and", true, args, "andWhereNotPivot", "pivot");
    }
    /** OR-ed `whereNotPivot`. */
    orWhereNotPivot(...args) {
      return this.addWhere("or", true, args, "orWhereNotPivot", "pivot");
    }
    /** `whereIn` on a pivot column. */
    whereInPivot(column, values) {
      return this.addIn("and", false, column, values, "whereInPivot", "pivot");
    }
    /** Alias of `whereInPivot`. */
    andWhereInPivot(column, values) {
      return this.addIn("and", false, column, values, "andWhereInPivot", "pivot");
    }
    /** OR-ed `whereInPivot`. */
    orWhereInPivot(column, values) {
      return this.addIn("or", false, column, values, "orWhereInPivot", "pivot");
    }
    /** `whereNotIn` on a pivot column. */
    whereNotInPivot(column, values) {
      return this.addIn("and", true, column, values, "whereNotInPivot", "pivot");
    }
    /** Alias of `whereNotInPivot`. */
    andWhereNotInPivot(column, values) {
      return this.addIn("and", true, column, values, "andWhereNotInPivot", "pivot");
    }
    /** OR-ed `whereNotInPivot`. */
    orWhereNotInPivot(column, values) {
      return this.addIn("or", true, column, values, "orWhereNotInPivot", "pivot");
    }
    /** Pivot cell is empty. */
    whereNullPivot(column) {
      return this.addNull("and", false, column, "whereNullPivot", "pivot");
    }
    /** Alias of `whereNullPivot`. */
    andWhereNullPivot(column) {
      return this.addNull("and", false, column, "andWhereNullPivot", "pivot");
    }
    /** OR-ed `whereNullPivot`. */
    orWhereNullPivot(column) {
      return this.addNull("or", false, column, "orWhereNullPivot", "pivot");
    }
    /** Pivot cell is not empty. */
    whereNotNullPivot(column) {
      return this.addNull("and", true, column, "whereNotNullPivot", "pivot");
    }
    /** Alias of `whereNotNullPivot`. */
    andWhereNotNullPivot(column) {
      return this.addNull("and", true, column, "andWhereNotNullPivot", "pivot");
    }
    /** OR-ed `whereNotNullPivot`. */
    orWhereNotNullPivot(column) {
      return this.addNull("or", true, column, "orWhereNotNullPivot", "pivot");
    }
  };

  // src/relations/pivot/pivotScope.ts
  function onPivotOnly(conditions, pivotTable) {
    return conditions.every((condition2) => {
      if (condition2.kind === "group") return onPivotOnly(condition2.conditions, pivotTable);
      if (condition2.kind === "deferred" || condition2.source !== "pivot") return false;
      const dot = condition2.column.lastIndexOf(".");
      return dot < 0 || condition2.column.slice(0, dot).toLowerCase() === pivotTable.toLowerCase();
    });
  }
  function pivotRowsAccepted(conditions, pivot, pivotTable, rows, owner, zone) {
    const test = compile(
      conditions,
      (column, _source, who = owner) => {
        const index = pivot.column(pivotColumnName(column, pivot, pivotTable), who);
        return (row) => rows[row][index];
      },
      zone
    );
    return rows.map((_, i) => test(i));
  }
  function pivotColumnName(column, pivot, pivotTable) {
    if (pivot.header.has(column)) return column;
    if (column.startsWith("pivot_") && pivot.header.has(column.slice(6))) return column.slice(6);
    const dot = column.lastIndexOf(".");
    return dot >= 0 && column.slice(0, dot).toLowerCase() === pivotTable.toLowerCase() ? column.slice(dot + 1) : column;
  }

  // src/relations/pivot/join.ts
  function pivotSpecOf(relation, join, selectedPivotColumns, owner) {
    const { pivotModel } = relation;
    if (pivotModel) assertDeclaredColumns(pivotModel, join.pivot);
    const selected = [relation.pivotForeignKey, relation.pivotRelatedForeignKey].concat(selectedPivotColumns);
    const columns = pivotModel ? selected.concat(join.pivot.header.names.filter((name) => !selected.includes(name))) : selected;
    const layout = columns.map((column) => [column, `pivot_${column}`, join.pivot.column(column, owner)]);
    return {
      extras(row) {
        const extras = {};
        for (const [, extra, index] of layout) extras[extra] = row[index];
        return extras;
      },
      pivot(row) {
        if (pivotModel) return hydrateValues(pivotModel, join.pivot, row);
        const plain2 = {};
        for (const [column, , index] of layout) setOwn(plain2, column, row[index]);
        return plain2;
      }
    };
  }
  function distinctEntries(join) {
    return Array.from(new Set(join.rows.map((row) => join.entries[row])));
  }
  function pivotEntries(join) {
    const kept2 = new Set(join.rows.map((row) => join.pivots[row]));
    return join.pivot.rows().filter((entry) => kept2.has(entry.values));
  }
  function emptyJoin(related, pivot) {
    return { pivots: [], entries: [], slots: new Int32Array(0), rows: [], related, pivot, filtered: false };
  }
  function slotsOf(keys, slots) {
    return keys.map((value) => {
      const key = normalizeKey(value);
      let slot = slots.get(key);
      if (slot === void 0) slots.set(key, slot = slots.size);
      return slot;
    });
  }
  function pivotRowsFor(pivot, fk, wanted) {
    if (wanted && wanted.size === 1) {
      const rows = pivot.rowsHolding(fk, normalizeKey, wanted.keys().next().value);
      if (rows) return rows.map((entry) => entry.values);
    }
    return pivot.liveValues();
  }

  // src/relations/pivot/ManyToManyQueryBuilder.ts
  var ManyToManyQueryBuilder = class _ManyToManyQueryBuilder extends PivotQueryClauses {
    constructor(relation, parentKeys, preload = false) {
      super(relation.relatedModel());
      this.groupLimitCount = null;
      this.groupOrders = [];
      this.relation = relation;
      this.forParents = preload;
      this.owner = relation.label();
      const slots = /* @__PURE__ */ new Map();
      this.givenSlots = parentKeys ? slotsOf(parentKeys, slots) : [];
      this.parentSlots = parentKeys ? slots : null;
      this.selectedPivotColumns = relation.pivotColumns.slice();
    }
    with(...args) {
      return super.with(...args);
    }
    /** `preload()` keeping this builder's own methods. */
    preload(name, callback) {
      return super.preload(name, callback);
    }
    newGroup() {
      return this.flagGroup(new _ManyToManyQueryBuilder(this.relation, null));
    }
    /** Keeps at most `count` related rows per parent (a window over each parent's rows). */
    groupLimit(count) {
      this.groupLimitCount = checkGroupLimit(count, this.owner);
      return this;
    }
    /** Orders each parent's rows before `groupLimit` keeps the first ones. */
    groupOrderBy(column, direction = "asc") {
      this.groupOrders.push({ column: checkColumn(column, this.owner, "groupOrderBy"), direction: checkGroupDirection(direction, this.owner) });
      return this;
    }
    /** The related models, each with `pivot` and `$extras.pivot_<column>`. */
    get() {
      refuseColumnList(arguments[0], this.owner, "get");
      return readScope(() => {
        this.forgetCounts();
        const models = this.hydrateAll(this.joined());
        this.loadRelations(models);
        return Collection.wrap(models);
      });
    }
    /** The related models, and those of each parent key given to the query (`groups[i]` for the i-th). */
    getByParent() {
      const slots = this.parentSlots;
      if (!slots) throw new ValidationError(`${this.owner}: getByParent() is for a query made by eagerQuery(parents).`);
      return readScope(() => {
        this.forgetCounts();
        const join = this.joined();
        const models = this.hydrateAll(join);
        this.loadRelations(models);
        const counts = new Array(slots.size).fill(0);
        for (let i = 0; i < join.rows.length; i++) counts[join.slots[join.rows[i]]]++;
        const groups = counts.map((count) => new Array(count));
        const filled = new Array(slots.size).fill(0);
        for (let i = 0; i < models.length; i++) {
          const slot = join.slots[join.rows[i]];
          groups[slot][filled[slot]++] = models[i];
        }
        const shared = this.givenSlots.length !== slots.size;
        const handed = shared ? new Array(slots.size).fill(false) : null;
        return {
          models,
          groups: this.givenSlots.map((slot) => {
            if (!handed) return groups[slot];
            if (handed[slot]) return groups[slot].slice();
            handed[slot] = true;
            return groups[slot];
          })
        };
      });
    }
    /**
     * Whether a pivot row holds one of the parent keys given to the query. The pivot sheet is read
     * first (through SpreadsheetApp), so a load for parents it pairs with nothing reads no related sheet.
     */
    pairsAnyParent() {
      const wanted = this.parentSlots;
      if (!wanted) return true;
      return readScope(() => {
        prefetch(this.sheetsInvolved());
        const pivot = readTable(this.relation.pivotRef());
        const fk = pivot.column(this.relation.pivotForeignKey, this.owner);
        pivot.column(this.relation.pivotRelatedForeignKey, this.owner);
        for (const column of this.selectedPivotColumns) pivot.column(column, this.owner);
        const rows = pivotRowsFor(pivot, fk, wanted);
        for (let i = 0; i < rows.length; i++) if (wanted.has(normalizeKey(rows[i][fk]))) return true;
        return false;
      });
    }
    /** How many joined rows match; with a column (related, or pivot when qualified or only there), how many hold a value in it. */
    count(column) {
      if (this.captured("count", column)) return this;
      const counted = countedColumn(column, this.owner);
      return readScope(() => {
        const { join, rows } = this.countedRows();
        if (counted === null) return rows.length;
        const read = this.resolver(join)(counted, "model");
        return rows.filter((row) => read(row) !== null).length;
      });
    }
    /** A column of the joined rows (related, or pivot when qualified or only there), for the aggregates. */
    columnValues(column, method) {
      const name = checkColumn(column, this.owner, method);
      return readScope(() => {
        const { join, rows } = this.countedRows();
        return rows.map(this.resolver(join)(name, "model"));
      });
    }
    /** The joined rows the conditions keep, before order, groupLimit and paging (what counts and aggregates read). */
    countedRows() {
      this.forgetCounts();
      const join = this.joinRows();
      const orders = this.forParents ? this.orders : this.orders.concat(this.groupOrders);
      this.sortRows(join, [], orders.filter((order) => !this.mayBeCount(order.column)));
      return { join, rows: this.filtered(join) };
    }
    pluck(column, key) {
      checkColumn(column, this.owner, "pluck");
      if (key !== void 0) checkColumn(key, this.owner, "pluck");
      return readScope(() => {
        this.forgetCounts();
        const join = this.joined();
        const resolve = this.resolver(join);
        const read = resolve(column, "model");
        return key === void 0 ? Collection.wrap(join.rows.map(read)) : keyedValues(join.rows, read, resolve(key, "model"), this.zoneOf(join.related), `${this.owner}.pluck`);
      });
    }
    /** update/increment change the matching related rows, once each. */
    rowsToChange() {
      const join = this.joined();
      return { table: join.related, entries: () => distinctEntries(join) };
    }
    /**
     * Deletes the pivot rows of the matching pairs, as Lucid does: the parent no longer reaches those
     * models, and the related rows, which other parents may share, stay. Returns the number of pivot rows.
     */
    delete() {
      return runWrite(`${this.owner}.delete`, () => {
        this.forgetCounts();
        const join = this.joined();
        const links = pivotEntries(join);
        links.forEach((entry) => join.pivot.remove(entry));
        return links.length;
      });
    }
    rowCap() {
      return this.forParents ? null : this.groupLimitCount;
    }
    /** Joined rows per parent key (for `withCount`/`has`). */
    countByParent() {
      return readScope(() => {
        const { join, rows } = this.countedRows();
        const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
        const counts = /* @__PURE__ */ new Map();
        for (let i = 0; i < rows.length; i++) {
          const key = normalizeKey(join.pivots[rows[i]][fk]);
          counts.set(key, (counts.get(key) || 0) + 1);
        }
        return counts;
      });
    }
    /** A column of the joined rows (`true` per row for null) per parent key, for withSum and kin. */
    valuesByParent(column) {
      return readScope(() => {
        const { join, rows } = this.countedRows();
        const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
        const read = column === null ? null : this.resolver(join)(column, "model");
        return groupByKey(rows, (row) => normalizeKey(join.pivots[row][fk]), read);
      });
    }
    /** Filtered, sorted, group-limited and sliced joined rows. */
    joined() {
      const join = this.joinRows();
      const grouped = this.forParents || this.groupLimitCount !== null;
      let rows = this.sortRows(join, this.filtered(join), grouped ? this.orders : this.orders.concat(this.groupOrders));
      if (this.groupLimitCount !== null) rows = this.limitPerParent(join, rows);
      else if (this.forParents) this.sortRows(join, [], this.groupOrders);
      const end = this.limitCount === null ? void 0 : this.offsetCount + this.limitCount;
      if (this.offsetCount || end !== void 0) rows = rows.slice(this.offsetCount, end);
      return { ...join, rows };
    }
    /**
     * Which of `pivots` (pivot rows) the query's conditions accept, each with the related row it
     * reaches (blank when none): the scope of writes through a relation whose onQuery constrains it,
     * as Lucid applies onQuery to the pivot query of detach and sync.
     */
    acceptsPivotRows(pivots) {
      const conditions = this.scopedConditions();
      if (!conditions.length) return pivots.map(() => true);
      const { pivotTable } = this.relation;
      if (onPivotOnly(conditions, pivotTable)) {
        const pivot2 = readTable(this.relation.pivotRef());
        return pivotRowsAccepted(conditions, pivot2, pivotTable, pivots, this.owner, this.zoneOf(pivot2));
      }
      prefetch(this.sheetsInvolved(false));
      const related = readTable(tableRef(this.model));
      const pivot = readTable(this.relation.pivotRef());
      const rfk = pivot.column(this.relation.pivotRelatedForeignKey, this.owner);
      const byKey = related.index([related.column(this.relation.relatedKey, this.owner)]);
      const none = new RowEntry(related.header.names.map(() => null), null, null);
      const entries = pivots.map((values) => byKey.get(normalizeKey(values[rfk])) || none);
      const test = compile(conditions, this.resolver({ ...emptyJoin(related, pivot), pivots, entries }), this.zoneOf(related));
      return pivots.map((_, i) => test(i));
    }
    /** The related and pivot sheets, plus those of preloads and relation clauses. */
    sheetsInvolved(withLoads = true) {
      return super.sheetsInvolved(withLoads).concat(this.relation.pivotRef());
    }
    /** Reads both sheets and pairs pivot rows of the wanted parents with their related rows. */
    joinRows() {
      const relation = this.relation;
      prefetch(this.sheetsInvolved());
      const related = readTable(tableRef(this.model));
      const pivot = readTable(relation.pivotRef());
      const fk = pivot.column(relation.pivotForeignKey, this.owner);
      const rfk = pivot.column(relation.pivotRelatedForeignKey, this.owner);
      const byKey = related.index([related.column(relation.relatedKey, this.owner)]);
      const passing = this.relatedOnly(emptyJoin(related, pivot)) ? this.passingRelated(related, pivot) : null;
      const wanted = this.parentSlots;
      const live = pivotRowsFor(pivot, fk, wanted);
      const expected = passing ? 0 : live.length;
      const pivots = new Array(expected);
      const entries = new Array(expected);
      const slots = new Int32Array(wanted ? live.length : 0);
      let found = 0;
      for (let i = 0; i < live.length; i++) {
        const values = live[i];
        const match = byKey.get(normalizeKey(values[rfk]));
        if (!match || passing && !passing.has(match)) continue;
        const parentKey = normalizeKey(values[fk]);
        if (parentKey === "") continue;
        if (wanted) {
          const slot = wanted.get(parentKey);
          if (slot === void 0) continue;
          slots[found] = slot;
        }
        pivots[found] = values;
        entries[found++] = match;
      }
      pivots.length = found;
      entries.length = found;
      for (const column of this.selectedPivotColumns) pivot.column(column, this.owner);
      const rows = new Array(found);
      for (let i = 0; i < found; i++) rows[i] = i;
      return { pivots, entries, slots, rows, related, pivot, filtered: passing !== null };
    }
    filtered(join) {
      const conditions = this.scopedConditions();
      if (join.filtered || !conditions.length) return join.rows;
      const test = compile(conditions, this.resolver(join), this.zoneOf(join.related));
      return join.rows.filter(test);
    }
    /** Whether every condition reads related columns only (no pivot column, no relation clause). */
    relatedOnly(join) {
      const pure = (conditions2) => conditions2.every((condition2) => {
        if (condition2.kind === "group") return pure(condition2.conditions);
        if (condition2.kind === "deferred" || condition2.source === "pivot") return false;
        const [table, name] = this.split(condition2.column, join);
        return table === "related" || table === null && join.related.header.has(name);
      });
      const conditions = this.scopedConditions();
      return conditions.length > 0 && pure(conditions);
    }
    passingRelated(related, pivot) {
      const candidates2 = related.rows();
      const join = { ...emptyJoin(related, pivot), pivots: candidates2.map((entry) => entry.values), entries: candidates2 };
      const test = compile(this.scopedConditions(), this.resolver(join), this.zoneOf(related));
      const passing = /* @__PURE__ */ new Set();
      for (let i = 0; i < candidates2.length; i++) if (test(i)) passing.add(candidates2[i]);
      return passing;
    }
    /** Reads a column from a joined row: a sheet prefix (or `pivot_`) decides, else pivot clauses read the pivot row and others the related row. */
    resolver(join) {
      return (column, source, owner = this.owner) => {
        const [table, name] = this.split(column, join);
        const bare = table === null && (source === "pivot" || !join.related.header.has(name) && join.pivot.header.has(name));
        if (table === "pivot" || bare) {
          const index2 = join.pivot.column(name, owner);
          return (row) => join.pivots[row][index2];
        }
        const counted = table === null && !join.related.header.has(name) ? this.countColumn(name, join.related) : null;
        if (counted) return (row) => counted(join.entries[row].values);
        const index = join.related.column(name, owner);
        return (row) => join.entries[row].values[index];
      };
    }
    split(column, join) {
      if (column.startsWith("pivot_") && !join.related.header.has(column) && !join.pivot.header.has(column) && join.pivot.header.has(column.slice(6))) {
        return ["pivot", column.slice(6)];
      }
      const dot = column.lastIndexOf(".");
      if (dot < 0 || join.related.header.has(column) || join.pivot.header.has(column)) return [null, column];
      const prefix = column.slice(0, dot).toLowerCase();
      const name = column.slice(dot + 1);
      if (prefix === this.relation.pivotTable.toLowerCase()) return ["pivot", name];
      if (prefix === join.related.ref.sheetName.toLowerCase()) return ["related", name];
      return [null, column];
    }
    sortRows(join, rows, orders) {
      if (!orders.length) return rows;
      const resolve = this.resolver(join);
      const keys = orders.map((order) => ({ read: resolve(order.column, "model"), sign: order.direction === "desc" ? -1 : 1, nullsFirst: order.nullsFirst === true }));
      return rows.slice().sort((a, b) => {
        for (const key of keys) {
          const order = compareForOrder(key.read(a), key.read(b), key.sign, key.nullsFirst);
          if (order !== 0) return order;
        }
        return 0;
      });
    }
    limitPerParent(join, rows) {
      const fk = join.pivot.column(this.relation.pivotForeignKey, this.owner);
      const orders = groupOrder(this.groupOrders, this.model);
      const ordered = this.sortRows(join, rows, orders);
      const taken = /* @__PURE__ */ new Map();
      const kept2 = /* @__PURE__ */ new Set();
      for (let i = 0; i < ordered.length; i++) {
        const row = ordered[i];
        const key = normalizeKey(join.pivots[row][fk]);
        const count = taken.get(key) || 0;
        if (count < this.groupLimitCount) {
          taken.set(key, count + 1);
          kept2.add(row);
        }
      }
      return (this.orders.length ? rows : ordered).filter((row) => kept2.has(row));
    }
    /** A model per joined row, each able to build its `pivot` from its pivot row. */
    hydrateAll(join) {
      const hydrator = new Hydrator(this.model, join.related, pivotSpecOf(this.relation, join, this.selectedPivotColumns, this.owner));
      const models = new Array(join.rows.length);
      for (let i = 0; i < models.length; i++) {
        const row = join.rows[i];
        models[i] = hydrator.entry(join.entries[row], join.pivots[row]);
      }
      return models;
    }
  };

  // src/relations/constraints.ts
  var CONSTRAINT = /^((and|or)?(where|has|doesntHave)([A-Z]\w*)?|orderBy\w*|latest|oldest|when|unless|if|pivotColumns)$/i;
  function isConstraint(relation, method) {
    const query = (relation.type === "manyToMany" ? ManyToManyQueryBuilder : QueryBuilder).prototype;
    return CONSTRAINT.test(method) && typeof query[method] === "function";
  }
  function addConstraint(relation, method, args) {
    if (method === "as" && relation.type === "manyToMany") {
      throw new ValidationError(
        `${relation.label()}: as() cannot rename the pivot: each related model carries its pivot row as \`pivot\` (and $extras.pivot_<column>); serializeAs names the relation in toJSON().`
      );
    }
    if (!isConstraint(relation, method)) {
      throw new ValidationError(
        `${relation.label()}: ${method}() cannot be chained onto a ${relation.type} relation's definition; chain filters and orderings (where..., whereHas, orderBy${relation.type === "manyToMany" ? ", wherePivot..., pivotColumns" : ""}) or pass { onQuery: (query) => ... }, and call ${method}() on the query: related(...).query().${method}(...).`
      );
    }
    if (method === "pivotColumns") return addPivotColumns(relation, args[0]);
    const previous = relation.onQuery;
    relation.onQuery = (builder) => {
      if (previous) previous(builder);
      builder[method](...args);
    };
  }
  function addPivotColumns(relation, columns) {
    const list = typeof columns === "string" ? [columns] : columns;
    if (!Array.isArray(list) || list.some((column) => typeof column !== "string" || !column.trim())) {
      throw new ValidationError(`${relation.label()}.pivotColumns(): expected a list of pivot column names, such as ['role'], got ${describeValue(columns)}.`);
    }
    for (const column of list) if (relation.pivotColumns.indexOf(column) < 0) relation.pivotColumns.push(column);
  }

  // src/relations/HasManyQueryBuilder.ts
  var HasManyQueryBuilder = class extends QueryBuilder {
    constructor(model) {
      super(model);
      this.groupLimitCount = null;
      this.groupOrders = [];
      /** The related column holding the parent key, when this query loads the relation for parents. */
      this.partitionColumn = null;
    }
    with(...args) {
      return super.with(...args);
    }
    /** `preload()` keeping this builder's own methods. */
    preload(name, callback) {
      return super.preload(name, callback);
    }
    /** Keeps at most `count` related rows per parent. */
    groupLimit(count) {
      this.groupLimitCount = checkGroupLimit(count, this.owner);
      return this;
    }
    /** Orders each parent's rows before `groupLimit` keeps the first ones. */
    groupOrderBy(column, direction = "asc") {
      this.groupOrders.push({ column: checkColumn(column, this.owner, "groupOrderBy"), direction: checkGroupDirection(direction, this.owner) });
      return this;
    }
    /** Checks groupOrderBy's columns too. */
    assertOrderColumns(table) {
      super.assertOrderColumns(table);
      const resolve = this.resolveColumn(table);
      this.groupOrders.forEach((order) => resolve(order.column, "model"));
    }
    rowCap() {
      return this.partitionColumn === null ? this.groupLimitCount : null;
    }
    /** Makes `groupLimit` apply per value of `column` (the relation's foreign key), for a preload. */
    partitionBy(column) {
      this.partitionColumn = column;
      return this;
    }
    ordered(table, rows, valuesOf) {
      if (this.partitionColumn === null) {
        if (this.groupLimitCount === null) return super.ordered(table, rows, valuesOf, this.orders.concat(this.groupOrders));
        const kept3 = this.sortedBy(table, rows, valuesOf, groupOrder(this.groupOrders, this.model)).slice(0, this.groupLimitCount);
        return super.ordered(table, kept3, valuesOf);
      }
      if (this.groupLimitCount === null) {
        const resolve = this.resolveColumn(table);
        this.groupOrders.forEach((order) => resolve(order.column, "model"));
        return super.ordered(table, rows, valuesOf);
      }
      const orders = groupOrder(this.groupOrders, this.model);
      const sorted = this.sortedBy(table, rows, valuesOf, orders);
      const parentKey = this.resolveColumn(table)(this.partitionColumn, "model");
      const limit = this.groupLimitCount;
      const taken = /* @__PURE__ */ new Map();
      const kept2 = sorted.filter((row) => {
        const key = normalizeKey(parentKey(valuesOf(row)));
        const count = taken.get(key) || 0;
        if (count >= limit) return false;
        taken.set(key, count + 1);
        return true;
      });
      return super.ordered(table, kept2, valuesOf);
    }
  };

  // src/relations/bound.ts
  function bindToParent(relation, parent) {
    if (isDefinitionHost(parent)) return constrainable(relation);
    if (!isModelInstance(parent)) return relation;
    rememberCaller(relation, bindToParent, (name) => definesRelation(relation, parent, name));
    let writer = null;
    let query = null;
    const writerOf = () => {
      if (!writer) {
        relation.boot();
        writer = relation.client(parent);
      }
      return writer;
    };
    const forwards = (property) => property in writerOf() || queryMethods().has(property);
    const bound = new Proxy(relation, {
      get(target, property) {
        if (property === "relationName") return target.relationName || callerName(target) || "";
        if (typeof property !== "string" || property in target && QUERY_FIRST.indexOf(property) < 0 || !forwards(property)) {
          return Reflect.get(target, property, target);
        }
        if (property in writerOf()) return member(writerOf(), property);
        if (isConstraint(target, property)) {
          return (...args) => {
            addConstraint(target, property, args);
            if (query) query[property].apply(query, args);
            return bound;
          };
        }
        return (...args) => {
          const builder = query || (query = writerOf().query());
          const method = builder[property];
          if (typeof method !== "function") throw new SheetORMError(`${relation.label()}: ${property}() is not a method of a ${relation.type} query.`);
          return method.apply(builder, args);
        };
      },
      has(target, property) {
        return property in target || typeof property === "string" && forwards(property);
      }
    });
    return bound;
  }
  var definitions = /* @__PURE__ */ new WeakMap();
  function constrainable(relation) {
    const chain = new Proxy(relation, {
      get(target, property) {
        if (typeof property !== "string" || !queryMethods().has(property) || property in target && QUERY_FIRST.indexOf(property) < 0) {
          return Reflect.get(target, property, target);
        }
        return (...args) => {
          if (/where/i.test(property) && args.indexOf(void 0) >= 0) throw blankThis(target, property);
          addConstraint(target, property, args);
          return chain;
        };
      }
    });
    definitions.set(chain, relation);
    return chain;
  }
  function blankThis(relation, method) {
    const model = modelName(relation.model);
    return new ValidationError(
      `${relation.label()}: ${method}() was given undefined while the relation's definition was read. A definition is read once per class, on a blank ${model}, so its attributes (this.id, ...) are not set there: filter by one model's values on its query instead (related(...).query().${method}(...)).`
    );
  }
  function definitionBehind(value) {
    return typeof value === "object" && value !== null && definitions.get(value) || value;
  }
  var QUERY_FIRST = ["pivotColumns"];
  var queryNames = null;
  function queryMethods() {
    var _a;
    if (queryNames) return queryNames;
    const names = /* @__PURE__ */ new Set();
    for (const builder of [QueryBuilder, HasManyQueryBuilder, ManyToManyQueryBuilder]) {
      for (let proto = builder.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) if (name !== "constructor" && typeof ((_a = Object.getOwnPropertyDescriptor(proto, name)) == null ? void 0 : _a.value) === "function") names.add(name);
      }
    }
    return queryNames = names;
  }
  function definesRelation(relation, parent, name) {
    const model = relation.model;
    if (typeof Object.getPrototypeOf(parent)[name] !== "function" || name in baseApiOf(model)) return null;
    try {
      return model.$getRelation(name).type === relation.type;
    } catch {
      return false;
    }
  }
  function baseApiOf(model) {
    let base = model;
    for (let c = model; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      if (Object.prototype.hasOwnProperty.call(c, "$getRelation")) base = c;
    }
    return base.prototype;
  }
  function member(owner, name) {
    const value = owner[name];
    return typeof value === "function" ? value.bind(owner) : value;
  }

  // src/relations/registry.ts
  var relationCache = /* @__PURE__ */ new WeakMap();
  var fieldCache = /* @__PURE__ */ new WeakMap();
  function fieldsOf(model) {
    let fields = fieldCache.get(model);
    if (!fields) {
      const declared3 = typeof model.fields === "function" ? whileDefining("fields()", () => model.fields.call(model)) : void 0;
      if (declared3 !== void 0 && declared3 !== null && (typeof declared3 !== "object" || Array.isArray(declared3))) {
        throw new ValidationError(`${modelName(model)}.fields() returns an object of fields, such as { id: this.attr(null), title: this.string('') }, got ${describeValue(declared3)}.`);
      }
      fields = declared3 || {};
      for (const name of Object.keys(fields)) {
        const field = fields[name] = definitionBehind(fields[name]);
        if (field instanceof AttributeField || field instanceof Relation) continue;
        throw new ValidationError(
          `${modelName(model)}.fields(): "${name}" is ${describeValue(field)}; each field is an attribute (this.attr(default), this.string(''), this.number(0), this.boolean(false), this.uid()) or a relation (this.hasMany(Post), this.belongsToMany(Role, 'RoleUser')).`
        );
      }
      fieldCache.set(model, fields);
    }
    return fields;
  }
  var relationKeys = /* @__PURE__ */ new WeakMap();
  var lastModel = null;
  var lastKeys = null;
  function isRelationKey(model, name) {
    let keys = model === lastModel ? lastKeys : relationKeys.get(model);
    if (!keys) relationKeys.set(model, keys = /* @__PURE__ */ new Map());
    lastModel = model;
    lastKeys = keys;
    let answer = keys.get(name);
    if (answer === void 0) {
      const fields = fieldsOf(model);
      if (Object.prototype.hasOwnProperty.call(fields, name)) answer = fields[name] instanceof Relation;
      else answer = typeof methodOf(model.prototype, name) === "function" && model.$hasRelation(name);
      keys.set(name, answer);
    }
    return answer;
  }
  function methodOf(prototype, name) {
    for (let proto = prototype; proto; proto = Object.getPrototypeOf(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (descriptor) return "value" in descriptor ? descriptor.value : void 0;
    }
    return void 0;
  }
  function findRelation(model, name, baseApi) {
    let relations = relationCache.get(model);
    if (!relations) {
      relations = /* @__PURE__ */ new Map();
      relationCache.set(model, relations);
    }
    const cached = relations.get(name);
    if (cached) return cached;
    const relation = defineRelation(model, name, baseApi);
    relation.relationName = name;
    if (relation.serializeAs === "") relation.serializeAs = name;
    relations.set(name, relation);
    return relation;
  }
  var definitionHosts = /* @__PURE__ */ new WeakSet();
  function isDefinitionHost(instance) {
    return definitionHosts.has(instance);
  }
  function defineRelation(model, name, baseApi) {
    if (typeof name !== "string") throw new ValidationError(`${modelName(model)}: expected a relation name, got ${describeValue(name)}.`);
    if (!name) throw notFound(model, name, baseApi, "a relation name must be a non-empty string");
    const field = Object.prototype.hasOwnProperty.call(fieldsOf(model), name) ? fieldsOf(model)[name] : void 0;
    const method = methodOf(model.prototype, name);
    if (field instanceof Relation) {
      if (typeof method === "function" && !(name in baseApi)) {
        throw new ValidationError(`${modelName(model)}.${name}: "${name}" is defined twice, in fields() and as a method ${name}(); keep one of them.`);
      }
      return field;
    }
    if (name in baseApi) {
      throw notFound(model, name, baseApi, `"${name}" is one of the model's own members (save, delete, query, ...), not a relation; name the relation method something else`);
    }
    if (typeof method !== "function") throw notFound(model, name, baseApi);
    const blank = Object.create(model.prototype);
    attachState(blank);
    definitionHosts.add(blank);
    let result;
    try {
      result = definitionBehind(whileDefining(name, () => withoutWrites(() => method.call(blank))));
    } catch (error) {
      if (error instanceof SheetORMError && !(error instanceof WriteBlocked)) throw error;
      if (error instanceof WriteBlocked) {
        throw notFound(model, name, baseApi, `${modelName(model)}.prototype.${name}() is not a relation method (it tried to write to the sheet; nothing was written)`);
      }
      const thrown = `${errorName(error)}${messageOf(error)}`;
      throw notFound(
        model,
        name,
        baseApi,
        `calling ${modelName(model)}.prototype.${name}() to read the relation it returns threw ${thrown} (the error is in error.cause): fix the method if it defines a relation; if it does not, do not name it as one (nothing was written)`,
        error
      );
    }
    if (!(result instanceof Relation)) {
      throw notFound(model, name, baseApi, `${modelName(model)}.prototype.${name}() did not return a relation (return this.hasMany(...), this.belongsTo(...), ...)`);
    }
    return result;
  }
  function candidates(model, baseApi) {
    const names = /* @__PURE__ */ new Set();
    for (const [key, value] of Object.entries(fieldsOf(model))) if (value instanceof Relation) names.add(key);
    for (let proto = model.prototype; proto && proto !== baseApi; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (key !== "constructor" && descriptor && typeof descriptor.value === "function") names.add(key);
      }
    }
    return Array.from(names);
  }
  function errorName(error) {
    const name = typeof error === "object" && error !== null ? error.name : void 0;
    return typeof name === "string" && name ? `${name}: ` : "";
  }
  function notFound(model, name, baseApi, reason, cause) {
    const known = candidates(model, baseApi);
    const dotted = name.indexOf(".") >= 0 || /\s/.test(name);
    const inFields = Object.values(fieldsOf(model)).some((value) => value instanceof Relation);
    const define2 = inFields ? `add ${name}: this.hasMany(...) (or belongsTo, hasOne, belongsToMany) to ${modelName(model)}'s static fields()` : `define ${name}() { return this.hasMany(...) } (or belongsTo, hasOne, manyToMany) on ${modelName(model)}`;
    const hint = reason || (dotted ? `"${name}" is not a relation name (a name has no dots or spaces)` : define2);
    const label = modelName(model);
    return new RelationNotFoundError(
      `${label}.${name}: ${label} has no relation "${name}": ${hint}. Relations and methods defined: ${known.join(", ") || "none"}.`,
      cause
    );
  }

  // src/model/constructed.ts
  var given = /* @__PURE__ */ new WeakMap();
  function rememberGiven(instance, attributes) {
    const names = Object.keys(attributes).filter((name) => attributes[name] !== void 0);
    if (names.length) given.set(instance, names);
  }
  function assertNotReset(instance, owner) {
    const names = given.get(instance);
    if (!names) return;
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(instance, name) || readAttribute(instance, name) !== void 0) continue;
      throw new ValidationError(
        `new ${owner}({ ${name}: \u2026 }) gave ${name} a value, but it is undefined now: a class field (\`${name}!: \u2026\` or \`${name} = \u2026\`, compiled with useDefineForClassFields) was set after the constructor ran. Declare attributes with \`declare ${name}: \u2026\` (defaults go in static fields()), or set ${name} to null for an empty cell. Nothing was written.`
      );
    }
  }

  // src/model/persistence.ts
  function insertModels(model, instances, unit) {
    const table = unit.table(tableRef(model), true);
    const owner = modelName(model);
    table.requireHeader(owner);
    const names = primaryKeys(model);
    const uuid = usesUuid(model);
    const supplied = names.length === 1 && !uuid ? suppliedKeys(instances, names[0], batchOf(model)) : null;
    const keys = { names, columns: names.map((key) => table.column(key, owner)), uuid, text: null, supplied, makes: false };
    const undo = new InsertUndo(names[0]);
    unit.record(() => undo.run());
    const required = notNullableNames(fieldsOf(model)).filter((name) => names.indexOf(name) < 0);
    const batch = { model, unit, table, owner, keys, undo, required };
    for (let i = 0; i < instances.length; i++) {
      try {
        insertOne(batch, instances[i]);
      } catch (error) {
        if (instances.length > 1 && error instanceof ValidationError) error.message = `${error.message} (at index ${i} of the list)`;
        throw error;
      }
    }
  }
  function insertOne({ model, unit, table, owner, keys, undo, required }, instance) {
    const columns = table.header.names;
    assertNotReset(instance, owner);
    for (let r = 0; r < required.length; r++) assertFilled(model, required[r], readAttribute(instance, required[r]), owner);
    const values = table.blankRow();
    forEachAttribute(instance, (name, value) => {
      if (value === void 0) return;
      const column = attributeColumn(model, table, name, value, owner);
      if (column >= 0) values[column] = table.cell(value, owner, name);
    });
    const generated = assignKey(model, keys, table, instance, values, undo);
    const entry = table.insertRow(values, owner, generated ? [] : keys.columns);
    markInserted(instance, columns, values, undo);
    if (table.filler.length) (entry.onLanded || (entry.onLanded = [])).push((kept2) => takeKeptCells(instance, columns, kept2));
    if (unit.transactional) unit.inserted.add(instance);
  }
  function takeKeptCells(instance, columns, kept2) {
    const state = stateOf(instance);
    for (const [index, value] of kept2) {
      const name = columns[index];
      if (state.columns !== columns || readAttribute(instance, name) !== null) continue;
      writeAttribute(instance, name, cloneValue(value));
      if (state.original) state.original[index] = value;
    }
  }
  function attributeColumn(model, table, name, value, owner) {
    if (table.header.has(name)) return table.column(name, owner);
    if (value === null && isRelationKey(model, name)) return -1;
    if (!isRelationData(value)) {
      if (!table.header.has(name) && fieldsOf(model)[name] instanceof AttributeField) throw declaredColumnMissing(model, table, name);
      return table.column(name, owner);
    }
    throw new ColumnNotFoundError(
      `${owner}: ${table.opened.describe()} has no column "${name}" (columns: ${table.header.list()}), and "${name}" holds ${describeValue(value)}, which no cell holds. If it is a relation serialized under another name (serializeAs), leave it out: create and merge skip relation data only under the relation's own name. Nothing was written.`
    );
  }
  function assertFilled(model, name, value, owner) {
    if (value !== null && value !== void 0 && value !== "") return;
    throw new ValidationError(`${owner}.${name} is declared notNullable() in fields(), and it is ${describeValue(value === void 0 ? null : value)}; give it a value. Nothing was written.`);
  }
  function saveEach(model, instances) {
    userCodeRuns();
    const names = primaryKeys(model);
    const previous = savingBatch;
    const outer = previous && previous.model === model ? previous.keys : null;
    savingBatch = { model, keys: names.length === 1 && !usesUuid(model) ? suppliedKeys(instances, names[0], outer) : outer };
    try {
      for (let i = 0; i < instances.length; i++) instances[i].save();
    } finally {
      savingBatch = previous;
    }
  }
  var baseSave = null;
  function registerBaseSave(save) {
    baseSave = save;
  }
  function saveInWrite(model) {
    if (model.save !== baseSave) userCodeRuns();
    model.save();
  }
  var savingBatch = null;
  function batchOf(model) {
    return savingBatch && savingBatch.model === model ? savingBatch.keys : null;
  }
  function suppliedKeys(instances, name, also) {
    let keys = also && new Set(also);
    for (let i = 0; i < instances.length; i++) {
      const value = readAttribute(instances[i], name);
      if (!isBlankKey(value)) (keys || (keys = /* @__PURE__ */ new Set())).add(normalizeKey(value));
    }
    return keys;
  }
  var InsertUndo = class {
    constructor(keyName) {
      this.keyed = [];
      this.keysBefore = [];
      this.states = [];
      this.filled = [];
      this.persisted = [];
      this.deleted = [];
      this.originals = [];
      this.columns = [];
      this.keyName = keyName;
    }
    key(instance, before) {
      this.keyed.push(instance);
      this.keysBefore.push(before);
    }
    state(state) {
      this.states.push(state);
      this.persisted.push(state.persisted);
      this.deleted.push(state.deleted);
      this.originals.push(state.original);
      this.columns.push(state.columns);
    }
    /** Attributes the insert filled in from the row's blank cells, with the values it gave them. */
    fill(instance, names) {
      if (names) this.filled.push([instance, names, names.map((name) => readAttribute(instance, name))]);
    }
    run() {
      this.filled.forEach(
        ([instance, names, values]) => names.forEach((name, i) => {
          if (readAttribute(instance, name) === values[i]) removeAttribute(instance, name);
        })
      );
      this.states.forEach((state, i) => {
        state.persisted = this.persisted[i];
        state.deleted = this.deleted[i];
        state.original = this.originals[i];
        state.columns = this.columns[i];
      });
      this.keyed.forEach((instance, i) => {
        if (this.keysBefore[i] === void 0) removeAttribute(instance, this.keyName);
        else writeAttribute(instance, this.keyName, this.keysBefore[i]);
      });
    }
  };
  function assignKey(model, keys, table, instance, values, undo) {
    if (keys.names.length > 1) {
      const missing = keys.names.filter((key2, i) => isBlankKey(values[keys.columns[i]]));
      if (missing.length) {
        throw new ValidationError(`${modelName(model)}: the composite key needs a value for ${missing.join(", ")}; nothing was written.`);
      }
      return false;
    }
    const column = keys.columns[0];
    if (!isBlankKey(values[column])) return false;
    if (!keys.makes) assertKeyMaker(model);
    keys.makes = true;
    let key;
    if (keys.uuid) key = newUuid();
    else {
      if (keys.text === null) keys.text = table.keysAreText(column);
      let next = table.nextKey(column);
      while (keys.supplied && keys.supplied.has(normalizeKey(next))) next++;
      key = keys.text ? String(next) : next;
    }
    values[column] = key;
    undo.key(instance, readAttribute(instance, keys.names[0]));
    writeAttribute(instance, keys.names[0], key);
    return !keys.uuid;
  }
  function updateModel(model, instance, unit) {
    const dirty = dirtyAttributes(instance);
    if (!Object.keys(dirty).length) return;
    const owner = modelName(model);
    for (const name of notNullableNames(fieldsOf(model))) {
      if (name in dirty) assertFilled(model, name, dirty[name], owner);
    }
    const table = unit.table(tableRef(model), true);
    const names = Object.keys(dirty).filter((name) => attributeColumn(model, table, name, dirty[name], owner) >= 0);
    if (!names.length) return;
    const columns = names.map((name) => table.column(name, owner));
    const entry = locate(model, instance, table, "save");
    if (!entry) throw gone(model, instance, table);
    const keyColumns2 = primaryKeys(model).map((key) => table.column(key, owner));
    if (columns.some((c) => keyColumns2.indexOf(c) >= 0)) {
      assertKeyChange(table, entry, keyColumns2, primaryKeys(model).map((key) => readAttribute(instance, key)), `${owner}.save()`);
    }
    names.forEach((name, i) => table.set(entry, columns[i], dirty[name], owner));
    markSaved(unit, instance, table, entry);
  }
  function deleteModel(model, instance, unit) {
    const table = unit.table(tableRef(model), true);
    const entry = locate(model, instance, table, "delete");
    if (entry) table.remove(entry);
    const state = stateOf(instance);
    const before = { persisted: state.persisted, deleted: state.deleted };
    state.persisted = false;
    state.deleted = true;
    unit.record(() => {
      state.persisted = before.persisted;
      state.deleted = before.deleted;
    });
  }
  function refreshModel(model, instance) {
    const current2 = stateOf(instance);
    if (!current2.persisted && !current2.deleted) return;
    const table = rereadTable(tableRef(model));
    const entry = locate(model, instance, table, "refresh");
    if (!entry) throw gone(model, instance, table);
    const state = stateOf(instance);
    const before = { attributes: attributesOf(instance), original: state.original, columns: state.columns, persisted: state.persisted };
    recordUndo(() => {
      clearAttributes(instance);
      for (const name of Object.keys(before.attributes)) writeAttribute(instance, name, before.attributes[name]);
      state.original = before.original;
      state.columns = before.columns;
      state.persisted = before.persisted;
    });
    assignRow(instance, table.header.names, entry.values);
    state.persisted = true;
  }
  function locate(model, instance, table, action) {
    const owner = modelName(model);
    const keys = primaryKeys(model);
    const columns = keys.map((key2) => table.column(key2, owner));
    const values = originalKeyValues(instance, keys);
    const shown = keys.map((key2, i) => `${key2} ${describeValue(values[i])}`).join(", ");
    if (values.some(isBlankKey)) {
      if (!stateOf(instance).persisted) return void 0;
      throw new ValidationError(
        `${owner}.${action}(): this ${owner} has no ${keys.join(", ")} (its row in ${table.opened.describe()} has a blank key cell), so its row cannot be found; give the row a key. Nothing was written.`
      );
    }
    const key = normalizeCompositeKey(values);
    if (table.isDuplicated(columns, key)) {
      throw new DuplicateKeyError(
        `${owner}.${action}(): ${table.opened.describe()} has several rows with ${shown} (rows ${table.rowNumbersHolding(columns, key).join(", ")}), so this ${owner}'s row is ambiguous; make the keys unique. Nothing was written.`
      );
    }
    return table.find(columns, key);
  }
  function originalKeyValues(instance, keys) {
    const state = stateOf(instance);
    return keys.map((key) => {
      const original = state.persisted ? originalValue(state, key) : void 0;
      return original !== void 0 ? original : readAttribute(instance, key);
    });
  }
  function gone(model, instance, table) {
    const keys = primaryKeys(model);
    const shown = keys.map((key) => {
      var _a;
      return `${key} ${describeValue((_a = originalValue(stateOf(instance), key)) != null ? _a : readAttribute(instance, key))}`;
    }).join(", ");
    const why = stateOf(instance).deleted ? "its delete() removed it; save() writes it back" : "deleted meanwhile?";
    return new ModelNotFoundError(`${modelName(model)} with ${shown} is no longer in ${table.opened.describe()} (${why}); nothing was written.`);
  }
  function markSaved(unit, instance, table, entry) {
    const state = stateOf(instance);
    const before = { persisted: state.persisted, original: state.original, columns: state.columns };
    const names = table.header.names;
    for (let i = 0; i < names.length; i++) {
      if (readAttribute(instance, names[i]) === void 0) writeAttribute(instance, names[i], entry.values[i]);
    }
    syncOriginal(state, instance, names);
    state.persisted = true;
    unit.record(() => {
      state.persisted = before.persisted;
      state.original = before.original;
      state.columns = before.columns;
    });
  }
  function markInserted(instance, columns, values, undo) {
    const state = stateOf(instance);
    undo.state(state);
    undo.fill(instance, fillMissing(instance, columns, values));
    state.columns = columns;
    state.original = values.slice();
    state.persisted = true;
    state.deleted = false;
  }

  // src/model/increment.ts
  function incrementModel(model, instance, method, column, amount, extra) {
    const owner = modelName(model);
    const change = incrementOf(column, amount, extra, owner, method);
    const state = stateOf(instance);
    if (!state.persisted) {
      const why = state.deleted ? "was deleted" : "has not been saved";
      throw new ValidationError(`${owner}.${method}(): this ${owner} ${why}, so it has no row to add to; save() it first.`);
    }
    const keys = primaryKeys(model);
    return runWrite(`${owner}.${method}`, (unit) => {
      const table = unit.table(tableRef(model));
      const entry = locate(model, instance, table, method);
      if (!entry) throw gone(model, instance, table);
      const name = (column2) => unqualified(column2, table);
      refuseKeyExtras(table, change, keys, owner, method, name);
      const amounts = change.amounts.map(([column2, amount2]) => [name(column2), amount2]);
      addAmounts(table, [entry], amounts, keys, owner, method);
      const extra2 = change.extra || {};
      for (const column2 of Object.keys(extra2)) {
        const index = table.column(name(column2), owner);
        if (!sameValue(entry.values[index], table.cell(extra2[column2], owner, name(column2))) && !sameAsOwnText(extra2[column2], entry.values[index])) table.set(entry, index, extra2[column2], owner);
      }
      const names = amounts.map(([column2]) => column2).concat(Object.keys(extra2).map(name));
      takeCells(unit, instance, names, (column2) => entry.values[table.column(column2, owner)]);
      return instance;
    });
  }
  function takeCells(unit, instance, names, cell) {
    const state = stateOf(instance);
    const before = { values: names.map((name) => readAttribute(instance, name)), original: state.original };
    const original = state.original ? state.original.slice() : null;
    names.forEach((name) => {
      const value = cell(name);
      writeAttribute(instance, name, value);
      const at = original && state.columns ? columnIndex(state.columns, name) : -1;
      if (original && at >= 0) original[at] = value;
    });
    state.original = original;
    unit.record(() => {
      names.forEach((name, i) => before.values[i] === void 0 ? removeAttribute(instance, name) : writeAttribute(instance, name, before.values[i]));
      state.original = before.original;
    });
  }

  // src/model/load.ts
  function loadRelations(model, instances, args) {
    const nodes = [];
    addPreloads(model, nodes, args, "load");
    if (inUnitOfWork()) for (const instance of instances) nodes.forEach((node) => recordRelationUndo(model, instance, node.name));
    readScope(() => {
      prefetch(preloadSheets(model, nodes));
      loadPreloads(model, instances, nodes);
    });
  }
  function loadCollection(base, items, args, kind) {
    if (!(items[0] instanceof base)) throw notModelsError(items[0], 0, kind);
    const model = classOf3(items[0]);
    for (let i = 1; i < items.length; i++) {
      if (!(items[i] instanceof base)) throw notModelsError(items[i], i, kind);
      if (classOf3(items[i]) !== model) {
        throw new ValidationError(
          `Collection.${kind}(): expected models of one class, got ${describeValue(items[0])} at index 0 and ${describeValue(items[i])} at index ${i}; load relations onto each class's models apart.`
        );
      }
    }
    const instances = Array.from(items);
    if (kind === "load") return loadRelations(model, instances, args);
    const query = model.query();
    query[AGGREGATE_METHOD[kind]](...args);
    query.countOnto(instances);
  }
  var AGGREGATE_METHOD = {
    loadCount: "withCount",
    loadExists: "withExists",
    loadSum: "withSum",
    loadAvg: "withAvg",
    loadMin: "withMin",
    loadMax: "withMax",
    loadAggregate: "withAggregate"
  };
  function recordRelationUndo(model, instance, name) {
    const wasLoaded = isLoadedRelation(instance, name);
    const previous = wasLoaded ? instance[name] : void 0;
    recordUndo(() => {
      if (wasLoaded) {
        model.$getRelation(name).setRelated(instance, previous);
        return;
      }
      forgetLoadedRelation(instance, name);
      delete instance[name];
    });
  }

  // src/model/serialize.ts
  function serialize(model, host, cherryPick) {
    const keep = fieldFilter(checkCherryPick(cherryPick, "serialize"));
    const state = stateOf(model);
    const json = {};
    const attributes = attributesOf(model);
    const order = state.columns ? state.columns.concat(Object.keys(attributes).filter((k) => state.columns.indexOf(k) < 0)) : Object.keys(attributes);
    for (const name of order) {
      if (name in attributes && attributes[name] !== void 0 && keep(name)) setOwn(json, name, cloneValue(attributes[name]));
    }
    const relations = new Map(loadedRelations(model));
    for (const name of Object.keys(model)) {
      const value = model[name];
      if (!relations.has(name) && typeof value !== "function" && isRelationData(value) && isRelationKey(host, name)) relations.set(name, value);
    }
    for (const [name, loaded] of relations) {
      const key = host.$getRelation(name).serializeAs;
      if (key === null) continue;
      const own = Object.prototype.hasOwnProperty.call(model, name);
      const value = own ? model[name] : loaded;
      if (own && value !== null && !isRelationData(value)) continue;
      const nested = cherryPick && cherryPick.relations ? cherryPick.relations[key || name] : void 0;
      setOwn(json, key || name, plain(value, nested));
    }
    const pivot = pivotOf(state);
    if (pivot !== void 0 && pivot !== null && keep("pivot")) setOwn(json, "pivot", plain(pivot));
    const extras = serializedExtras(model);
    if (extras) for (const key of Object.keys(extras)) setOwn(json, key, plain(extras[key]));
    return json;
  }
  function serializedExtras(model) {
    const option = model.serializeExtras;
    if (option === true) return { meta: { ...extrasOf(model) } };
    if (typeof option !== "function") return null;
    const added = option.call(model);
    return isPlainObject(added) ? added : null;
  }
  function checkCherryPick(cherryPick, path) {
    if (cherryPick === void 0) return void 0;
    const refuse = (what) => new ValidationError(`${path}(): ${what}; a cherry-pick is { fields: ['id', 'title'] | { pick?: [...], omit?: [...] }, relations: { tags: { fields: [...] } } }.`);
    if (!isPlainObject(cherryPick)) throw refuse(`expected a cherry-pick object, got ${describeValue(cherryPick)}`);
    const { fields, relations } = cherryPick;
    const names = (list, key) => {
      if (list !== void 0 && (!Array.isArray(list) || list.some((name) => typeof name !== "string"))) throw refuse(`${key} must be a list of names, got ${describeValue(list)}`);
    };
    if (Array.isArray(fields)) names(fields, "fields");
    else if (isPlainObject(fields)) {
      names(fields.pick, "fields.pick");
      names(fields.omit, "fields.omit");
    } else if (fields !== void 0) throw refuse(`fields must be a list or { pick, omit }, got ${describeValue(fields)}`);
    if (relations !== void 0 && !isPlainObject(relations)) throw refuse(`relations must be an object of cherry-picks by relation, got ${describeValue(relations)}`);
    return cherryPick;
  }
  var keepAll = () => true;
  function fieldFilter(cherryPick) {
    const fields = cherryPick && cherryPick.fields;
    if (!fields) return keepAll;
    const pick = Array.isArray(fields) ? fields : fields.pick;
    const omit = Array.isArray(fields) ? void 0 : fields.omit;
    return (name) => (!pick || pick.indexOf(name) >= 0) && (!omit || omit.indexOf(name) < 0);
  }
  function plain(value, cherryPick) {
    if (isDate(value)) return new Date(value.getTime());
    if (value !== null && typeof value === "object") {
      const item = value;
      if (cherryPick !== void 0 && typeof item.serialize === "function" && !Array.isArray(value)) return item.serialize(cherryPick);
      if (cherryPick === void 0 && typeof item.toJSON === "function") return item.toJSON();
    }
    if (Array.isArray(value)) return value.map((item) => plain(item, cherryPick));
    if (value !== null && typeof value === "object") {
      const copy = {};
      for (const key of Object.keys(value)) setOwn(copy, key, plain(value[key]));
      return copy;
    }
    return value;
  }

  // src/model/staticArguments.ts
  function checkAttributeList(list, owner, method, related) {
    const items = method === "create" ? [list] : list;
    if (!Array.isArray(items)) throw new ValidationError(`${owner}.${method}(): expected an array of attribute objects, got ${describeValue(list)}.`);
    Array.from(items).forEach((attributes, i) => {
      if (isPlainObject(attributes) || related && attributes instanceof related) return;
      const which = method === "create" ? "expected an object of attributes" : `the item at index ${i} is not an object of attributes`;
      const hint = isModel(attributes) ? `; pass its attributes: ${method === "create" ? "model.$attributes" : "models.map((model) => model.$attributes)"}` : "";
      throw new ValidationError(`${owner}.${method}(): ${which}, got ${describeValue(attributes)}${hint}.`);
    });
  }
  function isModel(value) {
    if (value === null || typeof value !== "object") return false;
    const owner = value.constructor;
    return typeof owner === "function" && typeof owner.$getRelation === "function";
  }
  function checkAttributeObjects(owner, method, search, attributes) {
    [search, attributes].forEach((value, i) => {
      if (isPlainObject(value)) return;
      const which = i === 0 ? "the search" : "the attributes";
      throw new ValidationError(`${owner}.${method}(): ${which} must be an object of columns such as { email: 'a@b.c' }, got ${describeValue(value)}.`);
    });
    const clause = search;
    for (const column of Object.keys(clause)) refuseList(`${owner}.${method}({ ${column}: [...] })`, column, clause[column]);
  }
  function refuseList(call, column, value) {
    if (!Array.isArray(value)) return;
    if (value.some((item) => item !== null && typeof item === "object" && !isDate(item))) {
      throw new ValidationError(`${call}: a list of rows (${describeValue(value)}) is no value to look for: relation data, as toJSON() gives for a loaded relation, is left out of a search.`);
    }
    throw new ValidationError(
      `${call}: a list (${describeValue(value)}) is no single value to look for; pass one (e.namedValues.${column}[0] for a form's answer), or use whereIn('${column}', [...]) for any of several.`
    );
  }
  function findByQuery(model, method, column, value, given2) {
    if (isPlainObject(column)) {
      const clause = column;
      for (const name of Object.keys(clause)) {
        if (clause[name] === void 0) throw undefinedValue(model, method, name, `{ ${name}: undefined }`);
        refuseList(`${modelName(model)}.${method}({ ${name}: [...] })`, name, clause[name]);
      }
      return model.query().where(clause);
    }
    if (typeof column !== "string") {
      throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got ${describeValue(column)}.`);
    }
    if (given2 < 2) throw new ValidationError(`${modelName(model)}.${method}(): pass a column and a value, or an object of column values, got only the column "${column}".`);
    if (value === void 0) throw undefinedValue(model, method, column, `'${column}', undefined`);
    refuseList(`${modelName(model)}.${method}('${column}', [...])`, column, value);
    return model.query().where(column, value);
  }
  function undefinedValue(model, method, column, shown) {
    return new ValidationError(`${modelName(model)}.${method}(${shown}): the value of "${column}" is undefined; pass a value, or null to find an empty cell.`);
  }

  // src/model/findOrCreate.ts
  function findOrCreate(owner, method, find, create, search, attributes, update, peek = find) {
    if (!update) {
      const seen = peek();
      if (seen) return seen;
    }
    return runWrite(`${owner}.${method}`, () => {
      const found = find();
      if (!found) return create({ ...search, ...attributes });
      if (update) saveInWrite(found.merge(attributes));
      return found;
    });
  }

  // src/relations/clients/support.ts
  function requireRelated(value, related, owner, method) {
    if (!(value instanceof related)) {
      throw new ValidationError(`${owner}.${method}(): expected a ${modelName(related)} model, got ${describeValue(value)}.`);
    }
    if (stateOf(value).deleted) {
      const harm = method === "associate" || method.startsWith("save") ? "saving it here would write its row again" : "its pivot row would point at a row that is gone";
      throw new ValidationError(`${owner}.${method}(): this ${modelName(related)} was deleted, and ${harm}; save() it first if it should come back. Nothing was written.`);
    }
  }
  function assertParentNotDeleted(parent, owner, method) {
    if (!stateOf(parent).deleted) return;
    throw new ValidationError(`${owner}.${method}(): the parent was deleted, so its relations cannot be written; save() it first if it should come back. Nothing was written.`);
  }
  function saveParentFirst(parent) {
    if (!parent.$isPersisted || parent.$isDirty) saveInWrite(parent);
  }
  function blankParentKey(parent, key, owner) {
    if (!stateOf(parent).persisted) return new SheetORMError(`${owner}: the parent has no ${key}; save it before using its relations.`);
    return new SheetORMError(`${owner}: the parent's ${key} is blank in its row; give it a value (its related rows are found by it).`);
  }
  function setForeignKey(unit, model, name, value) {
    const previous = readAttribute(model, name);
    if (holdsKeyAsRead(model, name, previous, value)) return;
    writeAttribute(model, name, value);
    unit.record(() => writeAttribute(model, name, previous));
  }
  function holdsKeyAsRead(model, name, current2, key) {
    const state = stateOf(model);
    if (!state.persisted || isBlankKey(current2) || isBlankKey(key) || normalizeKey(current2) !== normalizeKey(key)) return false;
    const original = originalValue(state, name);
    return original !== void 0 && sameValue(current2, original);
  }
  function checkPivotAttributes(owner, attributes, method, what = "pivot attributes") {
    if (attributes === void 0 || attributes === null || isPlainObject(attributes)) return;
    throw new ValidationError(`${owner}.${method}(): ${what} must be an object of pivot columns, got ${describeValue(attributes)}.`);
  }
  function checkPivotList(owner, list, method, items) {
    if (list === void 0) return;
    if (!Array.isArray(list)) {
      throw new ValidationError(`${owner}.${method}(): the pivot attributes must be an array with one object per item, got ${describeValue(list)}.`);
    }
    if (list.length > items) {
      throw new ValidationError(`${owner}.${method}(): got ${list.length} pivot attribute objects for ${items} item${items === 1 ? "" : "s"}; give one per item, in the same order (an item without one gets none).`);
    }
    list.forEach((attributes, i) => checkPivotAttributes(owner, attributes, method, `pivot attributes ${i}`));
  }
  function writingKey(owner, key, fn) {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ColumnNotFoundError) || error.column !== key || error.detail === void 0 || error.message.startsWith(`${owner}`)) throw error;
      throw new ColumnNotFoundError(`${owner}: ${error.detail} "${key}" is the relation's key: add the column, or name the one the sheet has in the relation's definition.`, key, error.detail);
    }
  }

  // src/relations/clients/BelongsToClient.ts
  var BelongsToClient = class {
    constructor(relation, parent) {
      this.relation = relation;
      this.parent = parent;
    }
    /** A query of the model the parent points at. */
    query() {
      this.relation.assertParentColumn([this.parent], this.relation.foreignKey);
      const query = this.relation.relatedQuery();
      query.scopeToKeys(this.relation.localKey, [readAttribute(this.parent, this.relation.foreignKey)]);
      return query;
    }
    /** Points the parent at `related` (saving it first if new or changed, as Lucid does) and saves the parent. */
    associate(related) {
      requireRelated(related, this.relation.relatedModel(), this.relation.label(), "associate");
      assertParentNotDeleted(this.parent, this.relation.label(), "associate");
      return writingKey(
        this.relation.label(),
        this.relation.foreignKey,
        () => runWrite(`${this.relation.label()}.associate`, (unit) => {
          if (!related.$isPersisted || related.$isDirty) saveInWrite(related);
          const key = readAttribute(related, this.relation.localKey);
          if (isBlankKey(key)) throw new SheetORMError(`${this.relation.label()}.associate(): the related model has no ${this.relation.localKey}.`);
          setForeignKey(unit, this.parent, this.relation.foreignKey, key);
          saveInWrite(this.parent);
          this.setLoaded(unit, related);
          return this.parent;
        })
      );
    }
    /** Clears the parent's foreign key and saves it. */
    dissociate() {
      assertParentNotDeleted(this.parent, this.relation.label(), "dissociate");
      return writingKey(
        this.relation.label(),
        this.relation.foreignKey,
        () => runWrite(`${this.relation.label()}.dissociate`, (unit) => {
          setForeignKey(unit, this.parent, this.relation.foreignKey, null);
          saveInWrite(this.parent);
          this.setLoaded(unit, null);
          return this.parent;
        })
      );
    }
    /** Sets the loaded relation; a rollback puts back what was loaded before, or nothing. */
    setLoaded(unit, related) {
      const parent = this.parent;
      const name = this.relation.relationName;
      if (!name) return;
      const wasLoaded = isLoadedRelation(parent, name);
      const previous = wasLoaded ? parent[name] : void 0;
      this.relation.setRelated(parent, related);
      unit.record(() => {
        if (wasLoaded) {
          this.relation.setRelated(parent, previous);
          return;
        }
        forgetLoadedRelation(parent, name);
        delete parent[name];
      });
    }
  };

  // src/relations/counting.ts
  function countsByKey(query, column, owner) {
    const table = readTable(tableRef(query.model));
    const index = table.column(column, owner);
    query.assertOrderColumns(table);
    const counts = /* @__PURE__ */ new Map();
    const rows = query.matchingValues(table);
    for (let i = 0; i < rows.length; i++) {
      const key = normalizeKey(rows[i][index]);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    return counts;
  }

  // src/relations/BelongsTo.ts
  var BelongsTo = class extends Relation {
    constructor(model, related, options = {}) {
      super(model, related, options);
      this.type = "belongsTo";
      /** The parent's column holding the related key. */
      this.foreignKey = "";
      this.options = options;
    }
    /** Parents point at their related row by their foreign key. */
    parentKeyColumn() {
      return this.foreignKey;
    }
    resolveKeys() {
      const related = this.relatedModel();
      this.localKey = this.options.localKey || this.defaultKey(related, `belongsTo(${modelName(related)}, '${this.options.foreignKey || "foreign_key"}', 'owner_key')`);
      this.foreignKey = this.options.foreignKey || defaultForeignKey(keyStem(related), primaryKeys(related), this.localKey);
    }
    /** Eloquent's name for the related model's key. */
    get ownerKey() {
      return this.localKey;
    }
    /** Lucid's `relatedKey`: the related model's key column. */
    get relatedKey() {
      return this.localKey;
    }
    /** Sets the related model. */
    pushRelated(parent, related) {
      if (related === void 0) return this.setRelated(parent, null);
      const list = this.listOf(related, "pushRelated");
      if (list.length > 1) throw new ValidationError(`${this.label()}.pushRelated(): a belongsTo relation holds one model, got ${list.length}.`);
      this.setRelated(parent, list.length ? list[0] : null);
    }
    /** Gives every parent the model its foreign key points at, or null. */
    setRelatedForMany(parentList, relatedList) {
      this.boot();
      const parents = this.listOf(parentList, "setRelatedForMany");
      const related = this.listOf(relatedList, "setRelatedForMany");
      const byKey = /* @__PURE__ */ new Map();
      for (let i = 0; i < related.length; i++) {
        const model = related[i];
        const key = this.keyOf(model, this.localKey);
        if (!byKey.has(key)) byKey.set(key, model);
      }
      parents.forEach((parent) => {
        this.setRelated(parent, byKey.get(this.keyOf(parent, this.foreignKey)) || null);
      });
    }
    /** A query of the related model for the keys these parents point at. */
    eagerQuery(parentList, callback) {
      this.boot();
      const parents = this.listOf(parentList, "eagerQuery");
      this.assertParentColumn(parents, this.foreignKey);
      const query = this.relatedQuery(false, true);
      query.scopeToKeys(this.localKey, parents.map((parent) => this.keyOf(parent, this.foreignKey)));
      constrainRelationQuery(query, callback);
      return query;
    }
    /** The related rows holding each (non-blank) key and matching the sub-query (1, but 2 for a key typed twice, as SQL counts). */
    countByParent(callback, parents) {
      const query = this.parentsQuery(callback, parents, () => this.localKey);
      const counts = query ? countsByKey(query, this.localKey, this.label()) : /* @__PURE__ */ new Map();
      counts.delete("");
      return counts;
    }
    /** A column's values in the related rows per owner key (every row holding it, as SQL's aggregate would). */
    valuesByParent(callback, parents, column) {
      const query = this.parentsQuery(callback, parents, () => this.localKey);
      const groups = query ? query.valuesByKey(this.localKey, column()) : /* @__PURE__ */ new Map();
      groups.delete("");
      return groups;
    }
    /** associate/dissociate and a query for one parent. */
    client(parent) {
      this.boot();
      return new BelongsToClient(this, parent);
    }
  };

  // src/relations/clients/HasManyClient.ts
  var HasManyClient = class {
    constructor(relation, parent) {
      this.relation = relation;
      this.parent = parent;
    }
    /** A query of this parent's related models. */
    query() {
      const query = this.relation.relatedQuery();
      query.scopeToKeys(this.relation.foreignKey, [this.parentKey()]);
      return query;
    }
    /** Creates a related model holding the parent's key (a new or changed parent is saved first, as in Lucid). */
    create(attributes = {}) {
      checkAttributeList(attributes, this.relation.label(), "create");
      assertParentNotDeleted(this.parent, this.relation.label(), "create");
      return firstMade(() => this.createRows("create", [attributes]));
    }
    /** Creates related models (one append). */
    createMany(list) {
      checkAttributeList(list, this.relation.label(), "createMany");
      assertParentNotDeleted(this.parent, this.relation.label(), "createMany");
      return this.createRows("createMany", list);
    }
    /** One write named after the relation's method, so lock and service errors say `User.posts.create`. */
    createRows(method, list) {
      if (this.parent.$isPersisted) this.parentKey();
      return writingKey(this.relation.label(), this.relation.foreignKey, () => this.createInWrite(method, list));
    }
    createInWrite(method, list) {
      return runWrite(`${this.relation.label()}.${method}`, (unit) => {
        const parentIsNew = !this.parent.$isPersisted || unit.inserted.has(this.parent);
        saveParentFirst(this.parent);
        const key = this.parentKey();
        const foreignKey = this.relation.foreignKey;
        const rows = list.map((attributes) => ({ ...attributes, [foreignKey]: key }));
        const created = this.relation.relatedModel().createMany(rows);
        if (parentIsNew) {
          created.forEach((model, i) => {
            const given2 = list[i][foreignKey];
            unit.record(() => given2 === void 0 ? removeAttribute(model, foreignKey) : writeAttribute(model, foreignKey, given2));
          });
        }
        return created;
      });
    }
    /** The parent's first related model matching `search`, or a new one created from `search` and `attributes` (looked for without the lock first; created after looking again under it). */
    firstOrCreate(search, attributes = {}) {
      return this.findOrCreate("firstOrCreate", search, attributes, false);
    }
    /** Updates the parent's first related model matching `search` with `attributes`, or creates one (under one lock, Lucid's). */
    updateOrCreate(search, attributes) {
      return this.findOrCreate("updateOrCreate", search, attributes, true);
    }
    findOrCreate(method, search, attributes, update) {
      const owner = this.relation.label();
      checkAttributeObjects(owner, method, search, attributes);
      assertParentNotDeleted(this.parent, owner, method);
      const find = () => this.query().where(search).first();
      return findOrCreate(owner, method, find, (merged) => this.create(merged), search, attributes, update);
    }
    /** Sets the parent's key on a related model and saves it (a new or changed parent is saved first, as in Lucid). */
    save(model) {
      requireRelated(model, this.relation.relatedModel(), this.relation.label(), "save");
      assertParentNotDeleted(this.parent, this.relation.label(), "save");
      if (this.parent.$isPersisted) this.parentKey();
      return writingKey(
        this.relation.label(),
        this.relation.foreignKey,
        () => runWrite(`${this.relation.label()}.save`, (unit) => {
          saveParentFirst(this.parent);
          setForeignKey(unit, model, this.relation.foreignKey, this.parentKey());
          saveInWrite(model);
          return model;
        })
      );
    }
    /** Saves several related models in one unit of work. */
    saveMany(models) {
      if (!Array.isArray(models)) throw new ValidationError(`${this.relation.label()}.saveMany(): expected an array of models, got ${describeValue(models)}.`);
      return runWrite(`${this.relation.label()}.saveMany`, () => models.map((model) => this.save(model)));
    }
    parentKey() {
      this.relation.assertParentColumn([this.parent], this.relation.localKey);
      const key = readAttribute(this.parent, this.relation.localKey);
      if (isBlankKey(key)) {
        throw blankParentKey(this.parent, this.relation.localKey, this.relation.label());
      }
      return key;
    }
  };

  // src/relations/HasMany.ts
  var HasRelation = class extends Relation {
    constructor(model, related, options = {}) {
      super(model, related, options);
      /** The column on the related sheet that holds the parent's key. */
      this.foreignKey = "";
      this.options = options;
    }
    /** Parents are found from related rows by their own key. */
    parentKeyColumn() {
      return this.localKey;
    }
    resolveKeys() {
      this.localKey = this.options.localKey || this.defaultKey(this.model, `${this.type}(${modelName(this.relatedModel())}, '${this.options.foreignKey || "foreign_key"}', 'local_key')`);
      this.foreignKey = this.options.foreignKey || defaultForeignKey(keyStem(this.model), primaryKeys(this.model), this.localKey);
    }
    /** The related model's key column (Lucid's `relatedKey`). */
    get relatedKey() {
      return primaryKeys(this.relatedModel())[0];
    }
    /** A query of the related model scoped to these parents' keys. */
    eagerQuery(parentList, callback) {
      this.boot();
      const parents = this.listOf(parentList, "eagerQuery");
      this.assertParentColumn(parents, this.localKey);
      const query = this.relatedQuery(false, true);
      query.scopeToKeys(this.foreignKey, parents.map((parent) => this.keyOf(parent, this.localKey)));
      if (query instanceof HasManyQueryBuilder) query.partitionBy(this.foreignKey);
      constrainRelationQuery(query, callback);
      return query;
    }
    /** Groups related models by the parent key they hold. */
    groupByParent(related) {
      const groups = /* @__PURE__ */ new Map();
      for (let i = 0; i < related.length; i++) {
        const model = related[i];
        const key = this.keyOf(model, this.foreignKey);
        const group = groups.get(key);
        if (group) group.push(model);
        else groups.set(key, [model]);
      }
      return groups;
    }
    /** Related rows per parent key (rows with a blank foreign key belong to no parent). */
    countByParent(callback, parents) {
      const query = this.parentsQuery(callback, parents, () => this.foreignKey);
      const counts = query ? countsByKey(query, this.foreignKey, this.label()) : /* @__PURE__ */ new Map();
      counts.delete("");
      return counts;
    }
    /** A column's values in the related rows per parent key. */
    valuesByParent(callback, parents, column) {
      const query = this.parentsQuery(callback, parents, () => this.foreignKey);
      const groups = query ? query.valuesByKey(this.foreignKey, column()) : /* @__PURE__ */ new Map();
      groups.delete("");
      return groups;
    }
  };
  var HasMany = class extends HasRelation {
    constructor() {
      super(...arguments);
      this.type = "hasMany";
    }
    /** A query of the related model that also has `groupLimit` / `groupOrderBy`. */
    relatedQuery(subQuery = false, preload = false) {
      return this.configureQuery(new HasManyQueryBuilder(this.relatedModel()), subQuery, preload);
    }
    /** Appends related models to a parent's loaded collection. */
    pushRelated(parent, related) {
      this.pushToCollection(parent, related);
    }
    /** Gives every parent its Collection (empty when nothing matches). */
    setRelatedForMany(parentList, relatedList) {
      this.boot();
      const parents = this.listOf(parentList, "setRelatedForMany");
      const related = this.listOf(relatedList, "setRelatedForMany");
      const groups = this.groupByParent(related);
      this.setGroups(parents, groups);
    }
    /** The writer and query for one parent. */
    client(parent) {
      this.boot();
      return new HasManyClient(this, parent);
    }
  };

  // src/relations/clients/HasOneClient.ts
  var HasOneClient = class extends HasManyClient {
  };

  // src/relations/HasOne.ts
  var HasOne = class extends HasRelation {
    constructor() {
      super(...arguments);
      this.type = "hasOne";
    }
    /** Sets the related model (the last one pushed wins). */
    pushRelated(parent, related) {
      if (related === void 0) return;
      const list = this.listOf(related, "pushRelated");
      if (list.length > 1) throw new ValidationError(`${this.label()}.pushRelated(): a hasOne relation holds one model, got ${list.length}.`);
      this.setRelated(parent, list.length ? list[0] : null);
    }
    /** Gives every parent its first related model, or null. */
    setRelatedForMany(parentList, relatedList) {
      this.boot();
      const parents = this.listOf(parentList, "setRelatedForMany");
      const related = this.listOf(relatedList, "setRelatedForMany");
      const groups = this.groupByParent(related);
      for (let i = 0; i < parents.length; i++) {
        const parent = parents[i];
        const group = groups.get(this.keyOf(parent, this.localKey));
        this.setRelated(parent, group ? group[0] : null);
      }
    }
    /** The writer and query for one parent. */
    client(parent) {
      this.boot();
      return new HasOneClient(this, parent);
    }
  };

  // src/relations/pivot/pivotRows.ts
  var IdList = class {
    constructor() {
      this.ids = [];
      this.keys = /* @__PURE__ */ new Set();
    }
    add(key, id) {
      if (this.keys.has(key)) return;
      this.keys.add(key);
      this.ids.push(id);
    }
  };
  function fillPivotDefaults(pivotModel, pivot, record) {
    assertDeclaredColumns(pivotModel, pivot);
    forEachDefault(pivotModel, (name, value) => {
      if (record[name] === void 0) record[name] = value;
    });
  }
  function assertPivotFilled(pivotModel, record, label, method, inserting) {
    for (const name of notNullableNames(fieldsOf(pivotModel))) {
      if (!inserting && !(name in record)) continue;
      const value = record[name];
      if (value !== null && value !== void 0 && value !== "") continue;
      throw new ValidationError(
        `${label}.${method}: ${modelName(pivotModel)}.${name} is declared notNullable() in fields(), and the pivot row would hold ${describeValue(value === void 0 ? null : value)}; give it in the pivot attributes (for attach and sync: { [id]: { ${name}: ... } }) or a default in fields(). Nothing was written.`
      );
    }
  }
  function likeColumn(pivot, column, id) {
    const text = pivot.holdsText(column);
    if (typeof id === "string" && !text && isPlainNumberText(id)) return Number(id);
    if (typeof id === "number" && text) return String(id);
    return id;
  }
  function assertInScope(query, rows, pivot, label, method, changed = false) {
    if (!rows.length) return;
    const accepted = query.acceptsPivotRows(rows.map((entry) => entry.values));
    const outside = rows.findIndex((_, i) => !accepted[i]);
    if (outside < 0) return;
    const pair = pivot.header.names.map((name, i) => `${name} ${describeValue(rows[outside].values[i])}`).join(", ");
    const consequence = changed ? `${label} would no longer list it` : `${label} would not list it and every ${method} would add it again`;
    throw new ValidationError(
      `${label}.${method}(): the ${changed ? "changed" : "new"} pivot row (${pair}) would fall outside the relation's onQuery, so ${consequence}. Give pivot values that meet the onQuery, or write through a relation without it. Nothing was written.`
    );
  }

  // src/relations/pivot/PivotRowWriter.ts
  var PivotRowWriter = class {
    constructor(relation, parent) {
      this.relation = relation;
      this.parent = parent;
      /** Pivot rows this write adds and changes, checked against the onQuery (only when there is one). */
      this.written = null;
    }
    /** A query of this parent's related models. */
    query() {
      return this.relation.newQuery([this.parentKey()], false);
    }
    /**
     * Runs fn in one unit of work; `relatedFirst` opens the related sheet first, so its rows are written
     * first. `saveParent` first saves a new or changed parent (Lucid's create and save do), so it has its key.
     */
    write(method, fn, relatedFirst = false, saveParent = false) {
      if (!saveParent || this.parent.$isPersisted) this.parentKey();
      return runWrite(`${this.relation.label()}.${method}`, (unit) => {
        if (saveParent) {
          saveParentFirst(this.parent);
          this.parentKey();
        }
        if (relatedFirst) unit.table(tableRef(this.relation.relatedModel()), !this.relation.onQuery);
        const pivot = unit.table(this.relation.pivotRef());
        if (!this.relation.onQuery) return fn(pivot, unit);
        const written = { inserted: [], updated: [] };
        this.written = written;
        try {
          const result = fn(pivot, unit);
          const query = this.query();
          assertInScope(query, written.inserted, pivot, this.relation.label(), method);
          assertInScope(query, written.updated, pivot, this.relation.label(), method, true);
          return result;
        } finally {
          this.written = null;
        }
      });
    }
    /** The parent's key, checked: a blank one pairs with nothing. */
    parentKey() {
      this.relation.assertParentColumn([this.parent], this.relation.localKey);
      const key = readAttribute(this.parent, this.relation.localKey);
      if (isBlankKey(key)) {
        throw blankParentKey(this.parent, this.relation.localKey, this.relation.label());
      }
      return key;
    }
    /** A pivot column's position, or ColumnNotFoundError naming the relation. */
    column(pivot, name) {
      return pivot.column(name, this.relation.label());
    }
    /**
     * This parent's pivot rows with the related key they hold and all their columns. An onQuery
     * constraint (`wherePivot('role', 'lead')`) scopes them: rows outside it are not this relation's.
     */
    current(pivot) {
      const fk = this.column(pivot, this.relation.pivotForeignKey);
      const rfk = this.column(pivot, this.relation.pivotRelatedForeignKey);
      const parent = normalizeKey(this.parentKey());
      const names = pivot.header.names;
      let rows = (pivot.groupedBy(fk).get(parent) || []).slice();
      if (this.relation.onQuery) {
        const accepted = this.query().acceptsPivotRows(rows.map((entry) => entry.values));
        rows = rows.filter((_, i) => accepted[i]);
      }
      return rows.map((entry) => {
        const attributes = {};
        names.forEach((name, i) => attributes[name] = entry.values[i]);
        return { key: normalizeKey(entry.values[rfk]), row: entry, attributes };
      });
    }
    /**
     * Appends a pivot row. A key a model gives (the parent's, a related model's) is written as the
     * model holds it, so it stays the type of the sheet the model came from; a bare id is stored the
     * way the pivot column holds its keys.
     */
    insert(pivot, { id, attributes, model }, method) {
      assertParentNotDeleted(this.parent, this.relation.label(), method);
      if (model) requireRelated(model, this.relation.relatedModel(), this.relation.label(), method);
      const { pivotForeignKey, pivotRelatedForeignKey } = this.relation;
      const rfk = this.column(pivot, pivotRelatedForeignKey);
      const record = { ...attributes };
      record[pivotForeignKey] = this.parentKey();
      record[pivotRelatedForeignKey] = model ? id : likeColumn(pivot, rfk, id);
      this.refuseOtherKeys(attributes, record, method);
      const { pivotModel } = this.relation;
      if (pivotModel) fillPivotDefaults(pivotModel, pivot, record);
      const own = this.fillPivotKey(pivot, record);
      if (pivotModel) assertPivotFilled(pivotModel, record, this.relation.label(), method, true);
      const keys = pivotModel ? this.relation.pivotRef().keyColumns : own ? [own] : [];
      const unique = keys.every((name) => pivot.header.has(name)) ? keys.map((name) => this.column(pivot, name)) : [];
      const entry = pivot.insert(record, this.relation.label(), unique);
      if (this.written) this.written.inserted.push(entry);
      return entry;
    }
    /** Pivot attributes naming other keys than the row links would be overridden unnoticed (Lucid drops them silently). */
    refuseOtherKeys(attributes, record, method) {
      for (const name of [this.relation.pivotForeignKey, this.relation.pivotRelatedForeignKey]) {
        const given2 = attributes[name];
        if (given2 === void 0 || normalizeKey(given2) === normalizeKey(record[name])) continue;
        throw new ValidationError(
          `${this.relation.label()}.${method}(): the pivot attributes give ${name} = ${describeValue(given2)}, but the row links ${name} = ${describeValue(record[name])}; the relation sets its keys, so leave "${name}" out of the pivot attributes. Nothing was written.`
        );
      }
    }
    /**
     * A pivot row with its own single key column (say `id`) gets a new key there, as its model's
     * create would. Returns that column's name, or null when the pivot sheet has none.
     */
    fillPivotKey(pivot, record) {
      const { pivotModel } = this.relation;
      const own = this.ownKeyColumn(pivot);
      if (!own || !isBlankKey(record[own])) return own;
      const column = pivot.column(own);
      if (pivotModel) assertKeyMaker(pivotModel);
      if (pivotModel && usesUuid(pivotModel)) record[own] = newUuid();
      else record[own] = pivot.keysAreText(column) ? String(pivot.nextKey(column)) : pivot.nextKey(column);
      return own;
    }
    /** The pivot sheet's own single key column (say `id`, not one of the two foreign keys), or null. */
    ownKeyColumn(pivot) {
      const keys = this.relation.pivotRef().keyColumns;
      const own = keys.length === 1 ? keys[0] : pivot.header.has("id") && !this.relation.pivotModel ? "id" : null;
      if (!own || own === this.relation.pivotForeignKey || own === this.relation.pivotRelatedForeignKey || !pivot.header.has(own)) return null;
      return own;
    }
    /** Sets the attributes that differ from the row (unchanged cells are never rewritten); returns whether any did. */
    setAttributes(pivot, row, attributes, method) {
      let changed = false;
      const own = this.ownKeyColumn(pivot);
      const { pivotForeignKey, pivotRelatedForeignKey, pivotModel } = this.relation;
      const keys = [pivotForeignKey, pivotRelatedForeignKey].concat(own ? [own] : [], pivotModel ? this.relation.pivotRef().keyColumns : []);
      if (pivotModel) assertPivotFilled(pivotModel, attributes, this.relation.label(), method, false);
      for (const name of Object.keys(attributes)) {
        const column = this.column(pivot, name);
        if (attributes[name] === void 0 || sameValue(row.values[column], attributes[name]) || sameAsOwnText(attributes[name], row.values[column])) continue;
        if (keys.indexOf(name) >= 0) {
          if (normalizeKey(row.values[column]) === normalizeKey(attributes[name])) continue;
          throw new ValidationError(
            `${this.relation.label()}: a pivot row's key "${name}" is not changed through sync or updateExistingPivot (it could repeat another row's key or pair the row with another model); detach the id and attach the new one instead. Nothing was written.`
          );
        }
        pivot.set(row, column, attributes[name], this.relation.label());
        changed = true;
      }
      if (changed && this.written) this.written.updated.push(row);
      return changed;
    }
  };

  // src/relations/pivot/syncPlan.ts
  var DATE_TEXT = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} -?\d{4,6} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/;
  function normalizeRecords(input, keyOf2, owner, method, common) {
    const records = /* @__PURE__ */ new Map();
    const add2 = (id, attributes, model = null) => {
      const key = normalizeKey(id);
      if (key === "") throw new ValidationError(`${owner}.${method}(): ${describeValue(id)} is not a key; pass ids, models or { id: pivotAttributes }.`);
      const existing = records.get(key);
      if (existing) existing.attributes = { ...existing.attributes, ...attributes };
      else records.set(key, { id, attributes: { ...attributes }, model });
    };
    const addItem = (item) => add2(idOf(item, keyOf2, owner, method), {}, isModelLike(item) ? item : null);
    const list = toList(input);
    if (list) {
      for (const item of list) addItem(item);
    } else if (Object.prototype.toString.call(input) === "[object Map]") {
      input.forEach((attributes, item) => add2(idOf(item, keyOf2, owner, method), attributesFor(attributes, item, owner, method), isModelLike(item) ? item : null));
    } else if (isPlainObject(input)) {
      for (const id of Object.keys(input)) {
        if (NO_ID_TEXT.test(id)) {
          throw new ValidationError(
            `${owner}.${method}(): the key "${id}" is ${id.charAt(0) === "[" ? "an object" : id === "undefined" || id === "null" ? `${id}` : "a number that is no number"} turned into text by the object (a missing parameter?); key pivot attributes by real ids ({ [tag.id]: {...} }), or pass a Map.`
          );
        }
        if (DATE_TEXT.test(id)) {
          throw new ValidationError(`${owner}.${method}(): the key "${id}" is a Date turned into text by the object; key pivot attributes by Date with a Map: new Map([[date, { column: value }]]).`);
        }
        add2(id, attributesFor(input[id], id, owner, method));
      }
    } else {
      addItem(input);
    }
    if (common) records.forEach((record) => record.attributes = withDefaults(record.attributes, common));
    return records;
  }
  var NO_ID_TEXT = /^(NaN|-?Infinity|undefined|null|\[object \w+\])$/;
  function withDefaults(own, common) {
    const merged = { ...common };
    for (const name of Object.keys(own)) if (own[name] !== void 0) merged[name] = own[name];
    return merged;
  }
  function attributesFor(attributes, id, owner, method) {
    if (attributes === void 0 || attributes === null) return {};
    if (isPlainObject(attributes)) return attributes;
    throw new ValidationError(`${owner}.${method}(): pivot attributes for id ${typeof id === "string" ? id : describeValue(id)} must be an object, got ${describeValue(attributes)}.`);
  }
  function toList(input) {
    if (Array.isArray(input)) return input;
    if (input && typeof input === "object" && typeof input.all === "function" && Symbol.iterator in input) {
      return Array.from(input);
    }
    return null;
  }
  function isModelLike(item) {
    return item !== null && typeof item === "object" && !isPlainObject(item) && !(Object.prototype.toString.call(item) === "[object Date]");
  }
  function idOf(item, keyOf2, owner, method) {
    if (isModelLike(item)) return keyOf2(item);
    if (isDate(item) && !isNaN(item.getTime())) return item;
    if (item === null || item === void 0 || typeof item === "object" || typeof item === "boolean" || typeof item === "number" && !Number.isFinite(item)) {
      throw new ValidationError(`${owner}.${method}(): ${describeValue(item)} is not a related id or model.`);
    }
    return item;
  }
  function diffSync(current2, desired, detach) {
    const diff = { attach: [], update: [], detach: [] };
    const seen = /* @__PURE__ */ new Set();
    for (const { key, row, attributes } of current2) {
      const wanted = desired.get(key);
      if (!wanted) {
        if (detach) diff.detach.push(row);
        continue;
      }
      seen.add(key);
      const changes = changedAttributes(attributes, wanted.attributes);
      if (Object.keys(changes).length) diff.update.push({ row, id: wanted.id, changes });
    }
    desired.forEach((record, key) => {
      if (!seen.has(key)) diff.attach.push(record);
    });
    return diff;
  }
  function changedAttributes(current2, wanted) {
    const changes = {};
    for (const name of Object.keys(wanted)) {
      if (wanted[name] !== void 0 && !sameValue(current2[name], wanted[name]) && !sameAsOwnText(wanted[name], current2[name])) changes[name] = wanted[name];
    }
    return changes;
  }

  // src/relations/pivot/ManyToManyClient.ts
  var ManyToManyClient = class {
    constructor(relation, parent) {
      this.relation = relation;
      this.parent = parent;
      this.rows = new PivotRowWriter(relation, parent);
    }
    /** A query of this parent's related models. */
    query() {
      return this.rows.query();
    }
    /**
     * Adds pivot rows: `attach([1, 2])`, `attach({ 1: { role: 'admin' } })`, or Eloquent's
     * `attach([1, 2], { role: 'admin' })` (an id's own attributes win). One append.
     */
    attach(ids2, attributes) {
      checkPivotAttributes(this.relation.label(), attributes, "attach");
      const records = this.records(ids2, "attach", attributes);
      if (!records.size) {
        this.rows.parentKey();
        return;
      }
      this.rows.write("attach", (pivot) => records.forEach((record) => this.rows.insert(pivot, record, "attach")));
    }
    /** Removes this parent's pivot rows for `ids` (all of them without an argument). Returns how many rows went (Eloquent). */
    detach(ids2) {
      return this.rows.write("detach", (pivot) => {
        const only = ids2 === void 0 ? null : this.records(ids2, "detach");
        let removed = 0;
        for (const row of this.rows.current(pivot)) {
          if (only && !only.has(row.key)) continue;
          pivot.remove(row.row);
          removed++;
        }
        return removed;
      });
    }
    /**
     * Makes the pivot rows exactly `ids` (with their attributes); `detach = false` keeps the others.
     * The ids reported are the related keys as the pivot sheet holds them.
     */
    sync(ids2, detach = true) {
      return this.syncRecords("sync", ids2, void 0, detach);
    }
    /** `sync(ids)` with the same pivot attributes for every id (Eloquent's syncWithPivotValues). */
    syncWithPivotValues(ids2, attributes, detach = true) {
      if (attributes === void 0 || attributes === null) {
        throw new ValidationError(`${this.relation.label()}.syncWithPivotValues(): pass the pivot attributes as the second argument ({ role: 'admin' }).`);
      }
      checkPivotAttributes(this.relation.label(), attributes, "syncWithPivotValues");
      return this.syncRecords("syncWithPivotValues", ids2, attributes, detach);
    }
    /** `sync(ids, false)`. */
    syncWithoutDetaching(ids2) {
      return this.sync(ids2, false);
    }
    syncRecords(method, ids2, attributes, detach) {
      if (detach !== null && typeof detach === "object" || typeof detach === "string") {
        const hint = attributes || typeof detach === "string" ? "" : "; give pivot attributes as { id: { column: value } } or with syncWithPivotValues(ids, attributes)";
        throw new ValidationError(
          `${this.relation.label()}.${method}(): the last argument says whether to detach the ids not given (true or false), got ${describeValue(detach)}${hint}.`
        );
      }
      return this.rows.write(method, (pivot) => {
        const records = this.records(ids2, method, attributes);
        const diff = diffSync(this.rows.current(pivot), records, detach);
        const rfk = this.rows.column(pivot, this.relation.pivotRelatedForeignKey);
        const result = { attached: [], detached: [], updated: [] };
        const detached = new IdList();
        for (const row of diff.detach) {
          pivot.remove(row);
          detached.add(normalizeKey(row.values[rfk]), row.values[rfk]);
        }
        result.detached = detached.ids;
        const updated = new IdList();
        for (const change of diff.update) {
          this.rows.setAttributes(pivot, change.row, change.changes, method);
          updated.add(normalizeKey(change.row.values[rfk]), change.row.values[rfk]);
        }
        result.updated = updated.ids;
        for (const record of diff.attach) {
          result.attached.push(this.rows.insert(pivot, record, method).values[rfk]);
        }
        return result;
      });
    }
    /** Attaches the ids not attached and detaches the ones that are. */
    toggle(ids2) {
      const records = this.records(ids2, "toggle");
      if (!records.size) {
        this.rows.parentKey();
        return { attached: [], detached: [] };
      }
      return this.rows.write("toggle", (pivot) => {
        const rfk = this.rows.column(pivot, this.relation.pivotRelatedForeignKey);
        const result = { attached: [], detached: [] };
        const detached = new IdList();
        for (const row of this.rows.current(pivot)) {
          if (!records.has(row.key)) continue;
          pivot.remove(row.row);
          detached.add(row.key, row.row.values[rfk]);
        }
        result.detached = detached.ids;
        const present = detached.keys;
        records.forEach((record, key) => {
          if (present.has(key)) return;
          result.attached.push(this.rows.insert(pivot, record, "toggle").values[rfk]);
        });
        return result;
      });
    }
    /** Changes pivot attributes of this parent's row(s) for one related id. Returns the rows whose values changed. */
    updateExistingPivot(id, attributes) {
      if (isPlainObject(id)) {
        throw new ValidationError(`${this.relation.label()}.updateExistingPivot(): expected a related id or model (or a list of them), got ${describeValue(id)}.`);
      }
      const keys = this.records(id, "updateExistingPivot");
      if (!isPlainObject(attributes)) {
        throw new ValidationError(`${this.relation.label()}.updateExistingPivot(): expected an object of pivot columns such as { role: 'lead' }, got ${describeValue(attributes)}.`);
      }
      return this.rows.write("updateExistingPivot", (pivot) => {
        Object.keys(attributes).forEach((name) => {
          const column = this.rows.column(pivot, name);
          if (attributes[name] !== void 0) pivot.cell(attributes[name], this.relation.label(), pivot.header.names[column]);
        });
        const { pivotModel } = this.relation;
        if (pivotModel) assertPivotFilled(pivotModel, attributes, this.relation.label(), "updateExistingPivot", false);
        let changed = 0;
        for (const row of this.rows.current(pivot)) {
          if (keys.has(row.key) && this.rows.setAttributes(pivot, row.row, attributes, "updateExistingPivot")) changed++;
        }
        return changed;
      });
    }
    /** Creates a related model and attaches it. */
    create(attributes = {}, pivotAttributes) {
      checkAttributeList(attributes, this.relation.label(), "create", this.relation.relatedModel());
      checkPivotAttributes(this.relation.label(), pivotAttributes, "create");
      assertParentNotDeleted(this.parent, this.relation.label(), "create");
      return firstMade(() => this.createModels("create", [attributes], [pivotAttributes]));
    }
    /** Creates related models and attaches them (one append per sheet). */
    createMany(list, pivotList = []) {
      checkAttributeList(list, this.relation.label(), "createMany", this.relation.relatedModel());
      checkPivotList(this.relation.label(), pivotList, "createMany", list.length);
      assertParentNotDeleted(this.parent, this.relation.label(), "createMany");
      return this.createModels("createMany", list, pivotList);
    }
    createModels(method, list, pivotList) {
      return this.rows.write(method, (pivot) => {
        const related = this.relation.relatedModel();
        const models = related.createMany(list);
        models.forEach((model, i) => this.rows.insert(pivot, { id: this.pairedKey(model, method), attributes: pivotList[i] || {}, model }, method));
        return models;
      }, true, true);
    }
    /**
     * The parent's related model matching `search`; else a row of the related sheet matching it,
     * attached; else a new one made from `search` and `attributes`, created and attached (Eloquent's).
     */
    firstOrCreate(search, attributes = {}, pivotAttributes) {
      return this.findOrCreate("firstOrCreate", search, attributes, pivotAttributes, false);
    }
    /** `firstOrCreate`, then `attributes` set on the model found and saved (Eloquent's updateOrCreate). */
    updateOrCreate(search, attributes, pivotAttributes) {
      return this.findOrCreate("updateOrCreate", search, attributes, pivotAttributes, true);
    }
    findOrCreate(method, search, attributes, pivotAttributes, update) {
      const owner = this.relation.label();
      checkAttributeObjects(owner, method, search, attributes);
      checkPivotAttributes(owner, pivotAttributes, method);
      assertParentNotDeleted(this.parent, owner, method);
      const where = search;
      const find = () => {
        const own = this.query().where(where).first();
        if (own) return own;
        const other = this.relation.relatedModel().query().where(where).first();
        if (other) this.attach([other], pivotAttributes);
        return other;
      };
      const peek = () => this.query().where(where).first();
      return findOrCreate(owner, method, find, (merged) => this.create(merged, pivotAttributes), search, attributes, update, peek);
    }
    save(model, second, third) {
      const [pivotAttributes, checkExisting] = lucidOrder(second, third) ? [third, second] : [second, third];
      checkPivotAttributes(this.relation.label(), pivotAttributes, "save");
      return firstMade(() => this.saveModels("save", [model], [pivotAttributes], checkExistingFlag(this.relation.label(), "save", checkExisting)));
    }
    saveMany(models, second, third) {
      if (!Array.isArray(models)) throw new ValidationError(`${this.relation.label()}.saveMany(): expected an array of models, got ${describeValue(models)}.`);
      const [pivotList, checkExisting] = lucidOrder(second, third) ? [third, second] : [second, third];
      checkPivotList(this.relation.label(), pivotList, "saveMany", models.length);
      const list = pivotList || [];
      return this.saveModels("saveMany", models, list, checkExistingFlag(this.relation.label(), "saveMany", checkExisting));
    }
    saveModels(method, models, pivotList, checkExisting) {
      const related = this.relation.relatedModel();
      const checked = models;
      checked.forEach((model) => requireRelated(model, related, this.relation.label(), "save"));
      return this.rows.write(method, (pivot) => {
        const existing = /* @__PURE__ */ new Map();
        if (checkExisting) for (const row of this.rows.current(pivot)) existing.set(row.key, (existing.get(row.key) || []).concat(row.row));
        checked.forEach((model, i) => {
          saveInWrite(model);
          const id = this.pairedKey(model, method);
          const attributes = pivotList[i] || {};
          const rows = existing.get(normalizeKey(id));
          if (rows) rows.forEach((row) => this.rows.setAttributes(pivot, row, attributes, method));
          else existing.set(normalizeKey(id), [this.rows.insert(pivot, { id, attributes, model }, method)]);
        });
        return models;
      }, checked.some((model) => !model.$isPersisted || model.$isDirty), true);
    }
    /** The ids and attributes of `input`, each given `common` attributes under its own. */
    records(input, method, common) {
      return normalizeRecords(input, (model) => this.modelKey(model, method), this.relation.label(), method, common);
    }
    /** The key of a related model named in attach/sync/toggle/detach: one of the related class, with a key (a deleted one is refused only where a row would be added). */
    modelKey(model, method) {
      const related = this.relation.relatedModel();
      if (!(model instanceof related)) requireRelated(model, related, this.relation.label(), method);
      return this.pairedKey(model, method);
    }
    idOf(item) {
      if (item !== null && typeof item === "object") return readAttribute(item, this.relation.relatedKey);
      return item;
    }
    /** A saved related model's key for its pivot row; a blank one would make a row that pairs with nothing. */
    pairedKey(model, method) {
      const id = this.idOf(model);
      if (isBlankKey(id)) {
        const { relatedKey } = this.relation;
        const name = modelName(this.relation.relatedModel());
        const fix = model.$isPersisted ? `give it a ${relatedKey}` : `save() the ${name} first`;
        throw new ValidationError(`${this.relation.label()}.${method}(): the ${name} has no ${relatedKey}, the key its pivot rows pair on; ${fix}. Nothing was written.`);
      }
      return id;
    }
  };
  function lucidOrder(second, third) {
    return typeof second === "boolean" || second === void 0 && third !== void 0 && typeof third !== "boolean";
  }
  function checkExistingFlag(owner, method, value) {
    if (value === void 0) return true;
    if (typeof value === "boolean") return value;
    throw new ValidationError(`${owner}.${method}(): checkExisting must be true or false, got ${describeValue(value)}.`);
  }

  // src/relations/ManyToMany.ts
  var ManyToMany = class extends Relation {
    constructor(model, related, options = {}) {
      super(model, related, options);
      this.type = "manyToMany";
      /** The related model's key column. */
      this.relatedKey = "";
      /** Pivot column holding the parent's key. */
      this.pivotForeignKey = "";
      /** Pivot column holding the related model's key. */
      this.pivotRelatedForeignKey = "";
      /** The pivot sheet. */
      this.pivotTable = "";
      this.options = options;
      this.pivotModel = options.pivotModel || null;
      this.pivotColumns = typeof options.pivotColumns === "string" ? [options.pivotColumns] : (options.pivotColumns || []).slice();
    }
    /** Parents are paired through pivot rows by their own key. */
    parentKeyColumn() {
      return this.localKey;
    }
    resolveKeys() {
      const related = this.relatedModel();
      const o = this.options;
      const options = (name) => `manyToMany(${modelName(related)}, { pivotTable, ${name}, ... })`;
      this.localKey = o.localKey || this.defaultKey(this.model, options("localKey"));
      this.relatedKey = o.relatedKey || this.defaultKey(related, options("relatedKey"));
      this.pivotForeignKey = o.pivotForeignKey || foreignKeyFor(keyStem(this.model), primaryKeys(this.model)[0]);
      this.pivotRelatedForeignKey = o.pivotRelatedForeignKey || foreignKeyFor(keyStem(related), primaryKeys(related)[0]);
      this.pivotTable = o.pivotTable || (this.pivotModel ? sheetName(this.pivotModel) : pivotSheetFor(keyStem(this.model), keyStem(related)));
      if (this.pivotForeignKey === this.pivotRelatedForeignKey) {
        throw new ValidationError(
          `${this.label()}: both pivot keys are "${this.pivotForeignKey}" (a model related to itself, or two sheets with one singular name); name them, e.g. manyToMany(${modelName(related)}, '${this.pivotTable}', '${this.pivotForeignKey}', 'other_${this.pivotRelatedForeignKey}').`
        );
      }
    }
    /** The pivot sheet as storage sees it (rows found again by the two foreign keys, or the pivot model's key). */
    pivotRef() {
      this.boot();
      return {
        sheetName: this.pivotTable,
        spreadsheetId: pinnedSpreadsheetId(this.pivotModel || this.model),
        owner: this.label(),
        keyColumns: this.pivotModel ? tableRef(this.pivotModel).keyColumns : [this.pivotForeignKey, this.pivotRelatedForeignKey],
        keySetting: this.pivotModel ? tableRef(this.pivotModel).keySetting : void 0,
        uniqueKeys: this.pivotModel !== null,
        numberedColumn: this.pivotModel ? void 0 : "id"
      };
    }
    /** The related sheet and the pivot sheet. */
    tables() {
      return [tableRef(this.relatedModel()), this.pivotRef()];
    }
    /** `[pivotForeignKey, parent key]`. */
    getPivotPair(parent) {
      this.boot();
      return [this.pivotForeignKey, this.pairKey(parent, this.model, this.localKey, "getPivotPair")];
    }
    /** `[pivotRelatedForeignKey, related key]`. */
    getPivotRelatedPair(related) {
      this.boot();
      return [this.pivotRelatedForeignKey, this.pairKey(related, this.relatedModel(), this.relatedKey, "getPivotRelatedPair")];
    }
    /** A model's key for a pivot row: refused when blank, as a pivot row needs it (Lucid). */
    pairKey(model, owner, column, method) {
      this.requireModel(model, method, () => `a ${modelName(owner)} model, got ${describeValue(model)}`);
      const value = readAttribute(model, column);
      if (isBlankKey(value)) {
        throw new ValidationError(`${this.label()}: ${modelName(owner)}.${column} is ${describeValue(value)}; save the model before pairing it through "${this.pivotTable}".`);
      }
      return value;
    }
    /** Appends related models to a parent's loaded collection. */
    pushRelated(parent, related) {
      this.pushToCollection(parent, related);
    }
    /** Gives every parent its related models, matched on `$extras.pivot_<pivotForeignKey>`. */
    setRelatedForMany(parentList, relatedList) {
      this.boot();
      const parents = this.listOf(parentList, "setRelatedForMany");
      const related = this.listOf(relatedList, "setRelatedForMany");
      const extra = `pivot_${this.pivotForeignKey}`;
      const groups = /* @__PURE__ */ new Map();
      for (let i = 0; i < related.length; i++) {
        const model = related[i];
        const key = normalizeKey(extrasOf(model)[extra]);
        const group = groups.get(key);
        if (group) group.push(model);
        else groups.set(key, [model]);
      }
      this.setGroups(parents, groups);
    }
    /** Loads the relation for many parents, grouping by the pivot rows directly (one read per sheet). */
    eagerLoad(parentList, callback) {
      this.boot();
      const parents = this.listOf(parentList, "eagerLoad");
      return readScope(() => {
        const query = this.eagerQuery(parents, callback);
        if (!this.anyParentKey(parents) || !query.pairsAnyParent()) {
          parents.forEach((parent) => this.setRelated(parent, new Collection()));
          return [];
        }
        const { models, groups } = query.getByParent();
        parents.forEach((parent, i) => this.setRelated(parent, Collection.wrap(groups[i])));
        return models;
      });
    }
    /** A joined query of related rows for these parents. */
    eagerQuery(parentList, callback) {
      this.boot();
      const parents = this.listOf(parentList, "eagerQuery");
      this.assertParentColumn(parents, this.localKey);
      const query = this.newQuery(parents.map((parent) => readAttribute(parent, this.localKey)), false, true);
      constrainRelationQuery(query, callback);
      return query;
    }
    /** A joined query over all parents, for `has`/`whereHas`/`withCount` (`isRelatedSubQuery` is true). */
    subQuery(callback) {
      const query = this.newQuery(null, true);
      constrainRelationQuery(query, callback);
      return query;
    }
    /** Joined rows per parent key. */
    countByParent(callback, parents) {
      const query = this.parentsJoin(callback, parents);
      return query ? query.countByParent() : /* @__PURE__ */ new Map();
    }
    /** A column (related, or pivot when qualified or only there) of the joined rows per parent key. */
    valuesByParent(callback, parents, column) {
      const query = this.parentsJoin(callback, parents);
      return query ? query.valuesByParent(column()) : /* @__PURE__ */ new Map();
    }
    /** The joined sub-query for `parents` (all when not one), or null when the one parent's key is blank. */
    parentsJoin(callback, parents) {
      const key = this.soleParentKey(parents);
      if (key === void 0) return this.subQuery(callback);
      const query = this.newQuery(key === null ? [] : [key], true);
      constrainRelationQuery(query, callback);
      return key === null ? null : query;
    }
    /** A joined query (parents: keys to restrict to, or null for all), with onQuery applied. */
    newQuery(parentKeys, subQuery, preload = false) {
      this.boot();
      const query = new ManyToManyQueryBuilder(this, parentKeys, preload);
      query.isRelatedQuery = true;
      query.isRelatedSubQuery = subQuery;
      query.isRelatedPreloadQuery = preload;
      if (this.onQuery) this.onQuery(query);
      query.sealConditions();
      return query;
    }
    /** attach/detach/sync/… and a query for one parent. */
    client(parent) {
      this.boot();
      return new ManyToManyClient(this, parent);
    }
  };

  // src/model/definitions.ts
  var ModelDefinitions = class {
    /** Pinia-style fields; override to declare attributes and relations. */
    static fields() {
      return {};
    }
    /** A Pinia attribute field with a default. */
    static attr(value = null) {
      return new AttributeField("attr", value);
    }
    /** A Pinia string field. */
    static string(value = null) {
      return new AttributeField("string", value);
    }
    /** A Pinia number field. */
    static number(value = null) {
      return new AttributeField("number", value);
    }
    /** A Pinia boolean field. */
    static boolean(value = null) {
      return new AttributeField("boolean", value);
    }
    /** A Pinia field filled with `Utilities.getUuid()` on new models. */
    static uid() {
      return new AttributeField("uid", null);
    }
    /** A hasOne relation (static, for `fields()`). */
    static hasOne(related, foreignKey, localKey) {
      return constrainable(new HasOne(this, related, hasOptions(this, "hasOne", foreignKey, localKey)));
    }
    /** A hasMany relation (static, for `fields()`). */
    static hasMany(related, foreignKey, localKey) {
      return constrainable(new HasMany(this, related, hasOptions(this, "hasMany", foreignKey, localKey)));
    }
    /** A belongsTo relation (static, for `fields()`). */
    static belongsTo(related, foreignKey, ownerKey) {
      return constrainable(new BelongsTo(this, related, belongsToOptions(this, foreignKey, ownerKey)));
    }
    /** A many-to-many relation (static, for `fields()`). */
    static manyToMany(related, pivot, ...keys) {
      return constrainable(new ManyToMany(this, related, manyToManyOptions(this, pivot, keys)));
    }
    /** Alias of `manyToMany` (Pinia/Eloquent name). */
    static belongsToMany(related, pivot, ...keys) {
      return constrainable(new ManyToMany(this, related, manyToManyOptions(this, pivot, keys)));
    }
    /** A hasOne relation: `profile() { return this.hasOne(Profile) }`. */
    hasOne(related, foreignKey, localKey) {
      return bindToParent(new HasOne(classOf3(this), related, hasOptions(classOf3(this), "hasOne", foreignKey, localKey)), this);
    }
    /** A hasMany relation: `posts() { return this.hasMany(Post, 'user_id') }`. */
    hasMany(related, foreignKey, localKey) {
      return bindToParent(new HasMany(classOf3(this), related, hasOptions(classOf3(this), "hasMany", foreignKey, localKey)), this);
    }
    /** A belongsTo relation: `author() { return this.belongsTo(User, 'user_id') }`. */
    belongsTo(related, foreignKey, ownerKey) {
      return bindToParent(new BelongsTo(classOf3(this), related, belongsToOptions(classOf3(this), foreignKey, ownerKey)), this);
    }
    /** A many-to-many relation: `tags() { return this.manyToMany(Tag, 'PostTag', 'post_id', 'tag_id') }`. */
    manyToMany(related, pivot, ...keys) {
      return bindToParent(new ManyToMany(classOf3(this), related, manyToManyOptions(classOf3(this), pivot, keys)), this);
    }
    /** Alias of `manyToMany`. */
    belongsToMany(related, pivot, ...keys) {
      return this.manyToMany(related, pivot, ...keys);
    }
  };
  var HAS_OPTIONS = ["foreignKey", "localKey", "serializeAs", "onQuery", "meta"];
  var BELONGS_TO_OPTIONS = ["foreignKey", "localKey", "ownerKey", "serializeAs", "onQuery", "meta"];
  function hasOptions(model, kind, foreignKey, localKey) {
    if (typeof foreignKey !== "object" || !foreignKey) return { foreignKey, localKey };
    return checkOptions(foreignKey, HAS_OPTIONS, `${modelName(model)}.${kind}()`);
  }
  function belongsToOptions(model, foreignKey, ownerKey) {
    if (typeof foreignKey !== "object" || !foreignKey) return { foreignKey, localKey: ownerKey };
    const label = `${modelName(model)}.belongsTo()`;
    const { ownerKey: owner, ...options } = checkOptions(foreignKey, BELONGS_TO_OPTIONS, label);
    if (owner !== void 0 && options.localKey !== void 0 && owner !== options.localKey) {
      throw new ValidationError(`${label}: ownerKey "${owner}" and localKey "${options.localKey}" name the same key (the related model's); give one.`);
    }
    return owner === void 0 ? options : { ...options, localKey: owner };
  }
  var MANY_TO_MANY_OPTIONS = ["pivotTable", "localKey", "relatedKey", "pivotForeignKey", "pivotRelatedForeignKey", "pivotColumns", "pivotModel", "serializeAs", "onQuery", "meta"];
  function manyToManyOptions(model, pivot, keys) {
    const owner = `${modelName(model)}.manyToMany()`;
    keys = keys.map((key) => key === null || key === "" ? void 0 : key);
    keys.forEach((key) => {
      if (key !== void 0 && (typeof key !== "string" || !key.trim())) {
        const hint = key && typeof key === "object" ? " Options go in the second argument: { pivotTable, pivotColumns, ... }." : "";
        throw new ValidationError(`${owner}: the keys after the pivot are column names, got ${describeValue(key)}.${hint}`);
      }
    });
    const [pivotForeignKey, pivotRelatedForeignKey, localKey, relatedKey] = keys;
    const positional = { pivotForeignKey, pivotRelatedForeignKey, localKey, relatedKey };
    if (typeof pivot === "string" && pivot.trim()) return { ...positional, pivotTable: pivot };
    if (typeof pivot === "function") {
      if (typeof pivot.$getRelation !== "function") {
        throw new ValidationError(`${owner}: the pivot is a sheet name, a pivot model class or an options object; a function that is not a model class (such as () => PostTag) is not taken here, pass the class itself.`);
      }
      return { ...positional, pivotModel: pivot };
    }
    if (isPlainObject(pivot)) return checkManyToManyOptions(pivot, owner);
    if (pivot === void 0 || pivot === null || pivot === "") return positional;
    throw new ValidationError(`${owner}: the pivot is a sheet name, a pivot model class or an options object such as { pivotTable: 'PostTag' }, got ${describeValue(pivot)}.`);
  }
  function checkOptions(options, known, owner) {
    if (Array.isArray(options)) {
      throw new ValidationError(`${owner}: a relation's keys are one column each, got ${describeValue(options)}; relations over composite keys are not supported: give one key column (a column holding both parts, say).`);
    }
    for (const name of Object.keys(options)) {
      const value = options[name];
      if (known.indexOf(name) < 0) {
        throw new ValidationError(`${owner}: unknown option "${name}" (options: ${known.join(", ")}).`);
      }
      if (name === "onQuery" && value !== void 0 && value !== null && typeof value !== "function") {
        throw new ValidationError(`${owner}: option onQuery is a function that constrains the relation's query, such as (query) => query.where('active', true), got ${describeValue(value)}.`);
      }
      const text = name !== "pivotColumns" && name !== "pivotModel" && name !== "serializeAs" && name !== "onQuery" && name !== "meta";
      if (value !== void 0 && text && (typeof value !== "string" || !value.trim())) {
        throw new ValidationError(`${owner}: option ${name} is a column or sheet name, got ${describeValue(value)}.`);
      }
    }
    return { ...options };
  }
  function checkManyToManyOptions(options, owner) {
    checkOptions(options, MANY_TO_MANY_OPTIONS, owner);
    const columns = options.pivotColumns;
    const list = typeof columns === "string" ? [columns] : columns;
    if (list !== void 0 && (!Array.isArray(list) || Array.from(list).some((column) => typeof column !== "string" || !column.trim()))) {
      throw new ValidationError(`${owner}: pivotColumns is an array of pivot column names such as ['role'], got ${describeValue(columns)}.`);
    }
    return { ...options };
  }

  // src/model/ModelQueries.ts
  var ModelQueries = class extends ModelDefinitions {
    /** A new query builder. */
    static query() {
      return new QueryBuilder(this);
    }
    /** Every row as a model. */
    static all() {
      refuseColumnList(arguments[0], modelName(this), "all");
      return this.query().get();
    }
    /** The model with this primary key (an array or object for composite keys), or null. */
    static find(id) {
      refuseColumnList(arguments[1], modelName(this), "find");
      return this.query().find(id);
    }
    /** `find`, or ModelNotFoundError. */
    static findOrFail(id) {
      refuseColumnList(arguments[1], modelName(this), "findOrFail");
      return this.query().findOrFail(id);
    }
    /** The models with these primary keys, highest key first (Lucid's findMany); composite keys take whereIn per column. */
    static findMany(ids2) {
      refuseColumnList(arguments[1], modelName(this), "findMany");
      const keys = primaryKeys(this);
      if (keys.length > 1) throw new ValidationError(`${modelName(this)}.findMany(): ${modelName(this)} has a composite key (${keys.join(", ")}); use find([...]) for each, or whereIn on its columns.`);
      return this.query().whereIn(keys[0], ids2).orderBy(keys[0], "desc").get();
    }
    static findManyBy(column, value) {
      const isSet = Object.prototype.toString.call(value) === "[object Set]";
      if (typeof column === "string" && (Array.isArray(value) || isSet)) return this.query().whereIn(column, value).get();
      return findByQuery(this, "findManyBy", column, value, arguments.length).get();
    }
    static findBy(column, value) {
      return findByQuery(this, "findBy", column, value, arguments.length).first();
    }
    static findByOrFail(column, value) {
      const found = findByQuery(this, "findByOrFail", column, value, arguments.length).first();
      if (found) return found;
      const searched = typeof column === "string" ? { [column]: value } : column;
      const shown = Object.keys(searched).map((name) => `${name} = ${describeValue(searched[name])}`).join(" and ");
      throw new ModelNotFoundError(`${modelName(this)}: no row of ${describeRef(tableRef(this))} has ${shown}.`);
    }
    /** The first row, or null. */
    static first() {
      refuseColumnList(arguments[0], modelName(this), "first");
      return this.query().first();
    }
    /** The first row's model, or ModelNotFoundError. */
    static firstOrFail() {
      refuseColumnList(arguments[0], modelName(this), "firstOrFail");
      return this.query().firstOrFail();
    }
    /** Every row as a model (Eloquent's `Post::get()`; the same as all()). */
    static get() {
      refuseColumnList(arguments[0], modelName(this), "get");
      return this.query().get();
    }
    static pluck(column, key) {
      return key === void 0 ? this.query().pluck(column) : this.query().pluck(column, key);
    }
    /** Whether the sheet has any row. */
    static exists() {
      return this.query().exists();
    }
    /** Whether the sheet has no row. */
    static doesntExist() {
      return this.query().doesntExist();
    }
    /** The number of rows; with a column, of rows holding a value in it. */
    static count(column) {
      return this.query().count(column);
    }
    /** The total of a column's numbers (0 for none). */
    static sum(column) {
      return this.query().sum(column);
    }
    /** The mean of a column's numbers, or null. */
    static avg(column) {
      return this.query().avg(column);
    }
    static min(column) {
      return this.query().min(column);
    }
    static max(column) {
      return this.query().max(column);
    }
    /** Page `page` of `perPage` models, with the total and page links. */
    static paginate(page, perPage) {
      return this.query().paginate(page, perPage);
    }
    /** Deletes every row of the sheet (Lucid's truncate), keeping the header; returns how many went. */
    static truncate() {
      return runWrite(`${modelName(this)}.truncate`, () => this.query().delete());
    }
    /** Hands every model to `callback` `size` at a time; returning false stops. */
    static chunk(size, callback) {
      return this.query().chunk(size, callback);
    }
    /** Starts a query with `where`. */
    static where(...args) {
      return this.query().where(...args);
    }
    /** Starts a query with `whereNot`. */
    static whereNot(...args) {
      return this.query().whereNot(...args);
    }
    /** Starts a query with `whereIn`. */
    static whereIn(column, values) {
      return this.query().whereIn(column, values);
    }
    /** Starts a query with `whereNotIn`. */
    static whereNotIn(column, values) {
      return this.query().whereNotIn(column, values);
    }
    /** Starts a query with `whereNull`. */
    static whereNull(column) {
      return this.query().whereNull(column);
    }
    /** Starts a query with `whereNotNull`. */
    static whereNotNull(column) {
      return this.query().whereNotNull(column);
    }
    /** Starts a query with `whereBetween`. */
    static whereBetween(column, range) {
      return this.query().whereBetween(column, range);
    }
    /** Starts a query with `orderBy`. */
    static orderBy(column, direction = "asc", nulls) {
      return this.query().orderBy(column, direction, nulls);
    }
    /** Starts a query newest first (by `created_at` unless told). */
    static latest(column) {
      return this.query().latest(column);
    }
    /** Starts a query oldest first (by `created_at` unless told). */
    static oldest(column) {
      return this.query().oldest(column);
    }
    /** Starts a query with `when(condition, callback, otherwise?)`. */
    static when(condition2, callback, otherwise) {
      return this.query().when(condition2, callback, otherwise);
    }
    /** Eloquent's `Post::select(...)`: refused as the query's is (rows are read whole). */
    static select(...columns) {
      return this.query().select(...columns);
    }
    /** Starts a query with `limit`. */
    static limit(count) {
      return this.query().limit(count);
    }
    /** Starts a query with `offset`. */
    static offset(count) {
      return this.query().offset(count);
    }
    /** Starts a query for page `page` of `perPage` rows. */
    static forPage(page, perPage) {
      return this.query().forPage(page, perPage);
    }
    static with(...args) {
      return this.query().with(...args);
    }
    /** Starts a query that preloads a relation. */
    static preload(name, callback) {
      return this.query().preload(name, callback);
    }
    static withCount(...args) {
      return this.query().withCount(...args);
    }
    static withExists(...args) {
      return this.query().withExists(...args);
    }
    /** Starts a query that sets `$extras.<name>_sum_<column>` (Eloquent's withSum). */
    static withSum(relation, column) {
      const query = this.query();
      return query.withSum.apply(query, Array.from(arguments));
    }
    /** Starts a query that sets `$extras.<name>_avg_<column>` (Eloquent's withAvg). */
    static withAvg(relation, column) {
      const query = this.query();
      return query.withAvg.apply(query, Array.from(arguments));
    }
    /** Starts a query that sets `$extras.<name>_min_<column>` (Eloquent's withMin). */
    static withMin(relation, column) {
      const query = this.query();
      return query.withMin.apply(query, Array.from(arguments));
    }
    /** Starts a query that sets `$extras.<name>_max_<column>` (Eloquent's withMax). */
    static withMax(relation, column) {
      const query = this.query();
      return query.withMax.apply(query, Array.from(arguments));
    }
    /** Starts a query with Lucid's withAggregate: `Post.withAggregate('comments', q => q.sum('votes').as('votes'))`. */
    static withAggregate(name, callback) {
      return this.query().withAggregate(name, callback);
    }
    /** Starts a query keeping rows that have related rows. */
    static has(name, operator, count) {
      return this.query().has(name, operator, count);
    }
    /** Starts a query keeping rows with related rows matching the callback. */
    static whereHas(name, callback, operator, count) {
      return this.query().whereHas(name, callback, operator, count);
    }
    /** Starts a query keeping rows without related rows. */
    static doesntHave(name) {
      return this.query().doesntHave(name);
    }
    /** Starts a query keeping rows without related rows matching the callback. */
    static whereDoesntHave(name, callback) {
      return this.query().whereDoesntHave(name, callback);
    }
  };

  // src/model/Model.ts
  var Model = class _Model extends ModelQueries {
    constructor(attributes) {
      super();
      if (takeRowConstruction()) return;
      attachState(this);
      applyDefaults(this);
      if (attributes === void 0 || attributes === null) return;
      checkAttributes(this, attributes, "constructor");
      this.merge(attributes);
      rememberGiven(this, attributes);
    }
    // ----- Static writes ----------------------------------------------------------------------
    /** Inserts a row and returns its model (the key is assigned under the lock). */
    static create(attributes = {}) {
      return firstMade(() => createModels(this, [attributes], "create"));
    }
    /** Inserts rows with one `setValues`; all or nothing. */
    static createMany(list) {
      return createModels(this, list, "createMany");
    }
    /** The first model matching `search`, or a new one created from `search` and `attributes` (looked for without the lock first; created after looking again under it). */
    static firstOrCreate(search, attributes = {}) {
      return findOrCreateModel(this, "firstOrCreate", search, attributes, false);
    }
    /** The first model matching `search`, or a new, unsaved one made from `search` and `attributes` (Lucid's firstOrNew). */
    static firstOrNew(search, attributes = {}) {
      checkAttributeObjects(modelName(this), "firstOrNew", search, attributes);
      const found = this.query().where(search).first();
      return found || new this().merge({ ...search, ...attributes });
    }
    /** Updates the first model matching `search` with `attributes`, or creates one (under one lock). */
    static updateOrCreate(search, attributes = {}) {
      return findOrCreateModel(this, "updateOrCreate", search, attributes, true);
    }
    static $getRelation(name) {
      return findRelation(this, name, _Model.prototype);
    }
    /** Whether a relation named `name` is defined. */
    static $hasRelation(name) {
      try {
        this.$getRelation(name);
        return true;
      } catch (error) {
        return false;
      }
    }
    // ----- Instance API -----------------------------------------------------------------------
    /** Whether the model has a row in the sheet. */
    get $isPersisted() {
      return stateOf(this).persisted;
    }
    /** Whether the model has no row yet. */
    get $isNew() {
      return !stateOf(this).persisted;
    }
    /** Whether the model's row was deleted. */
    get $isDeleted() {
      return stateOf(this).deleted;
    }
    /** Whether any attribute differs from the sheet. */
    get $isDirty() {
      return Object.keys(dirtyAttributes(this)).length > 0;
    }
    /** The attributes that differ from the sheet. */
    get $dirty() {
      return dirtyAttributes(this);
    }
    /** Attribute values as last read or written. */
    get $original() {
      return originalRecord(stateOf(this));
    }
    /** All attributes as a plain object. */
    get $attributes() {
      return { ...attributesOf(this) };
    }
    /** Extra values computed by queries (`tags_count`, `pivot_<column>`). */
    get $extras() {
      return extrasOf(this);
    }
    /** The primary key value (an array for composite keys). */
    get $primaryKeyValue() {
      const keys = primaryKeys(classOf3(this));
      const values = keys.map((key) => readAttribute(this, key));
      return keys.length === 1 ? values[0] : values;
    }
    /** The pivot row of a model reached through a many-to-many relation (else a `pivot` column's value, if any). */
    get pivot() {
      const pivot = pivotOf(stateOf(this));
      return pivot !== void 0 ? pivot : readAttribute(this, "pivot");
    }
    /** An object (or null/undefined, to drop it) is the pivot row; a cell value is a `pivot` column's. */
    set pivot(value) {
      const state = stateOf(this);
      const reached = state.pivotRow !== null || state.pivot !== void 0;
      const clearsColumn = value === null && !reached && readAttribute(this, "pivot") !== void 0;
      if (value === void 0 || value === null && !clearsColumn || isRelationData(value)) state.pivot = value;
      else writeAttribute(this, "pivot", value);
    }
    /** Reads an attribute (also those named like model methods, such as `save`). */
    getAttribute(name) {
      return readAttribute(this, name);
    }
    /** Sets an attribute (also those named like model methods). */
    setAttribute(name, value) {
      writeAttribute(this, name, value);
      return this;
    }
    /** Sets attributes (Lucid's `merge`); undefined values, and models, lists or objects under a relation's name, are skipped. */
    merge(attributes) {
      checkAttributes(this, attributes, "merge()");
      const model = classOf3(this);
      const names = Object.keys(attributes);
      for (let i = 0; i < names.length; i++) {
        const value = attributes[names[i]];
        if (value === void 0) continue;
        if (isRelationData(value) && isSerializedExtra(this, names[i])) continue;
        if (isRelationData(value) && isRelationKey(model, names[i])) {
          if (holdsIds(value)) throw relationIdsError(model, names[i], value);
          continue;
        }
        writeAttribute(this, names[i], value);
      }
      return this;
    }
    /** Replaces the attributes of a new model; on a persisted model, sets the given ones like `merge`. */
    fill(attributes) {
      checkAttributes(this, attributes, "fill()");
      if (!stateOf(this).persisted) {
        clearAttributes(this);
        applyDefaults(this);
      }
      return this.merge(attributes);
    }
    /** Sets the given attributes on a saved model and writes them (Eloquent's `$post->update([...])`). */
    update(attributes) {
      checkAttributes(this, attributes, "update()");
      if (!stateOf(this).persisted) {
        const model = classOf3(this);
        throw new ValidationError(`${modelName(model)}.update(): this ${modelName(model)} has no row yet; save() it (or ${modelName(model)}.create(...)) to insert it.`);
      }
      return this.merge(attributes).save();
    }
    /** Inserts the model, or writes its changed attributes. */
    save() {
      const model = classOf3(this);
      if (stateOf(this).persisted && !this.$isDirty) return this;
      return runWrite(`${modelName(model)}.save`, (unit) => {
        if (stateOf(this).persisted) updateModel(model, this, unit);
        else insertModels(model, [this], unit);
        return this;
      });
    }
    /** Deletes the model's row (a model that has none, never saved or already deleted, is left as it is). */
    delete() {
      const model = classOf3(this);
      if (!stateOf(this).persisted) return;
      runWrite(`${modelName(model)}.delete`, (unit) => deleteModel(model, this, unit));
    }
    /** Re-reads the model's row (a model never saved is left as it is, as Lucid's is). */
    refresh() {
      refreshModel(classOf3(this), this);
      return this;
    }
    fresh(...relations) {
      const model = classOf3(this);
      if (!stateOf(this).persisted) return null;
      const query = relations.length ? model.query().with(...relations) : model.query();
      for (const ref of query.sheetsInvolved()) rereadInSession(ref);
      const keys = originalKeyValues(this, primaryKeys(model));
      return query.find(keys.length === 1 ? keys[0] : keys);
    }
    /** A new, unsaved model with this one's attributes (Dates copied), keys and the names in `except` left out (Eloquent's replicate). */
    replicate(except = []) {
      const model = classOf3(this);
      const names = typeof except === "string" ? [except] : except;
      if (!Array.isArray(names) || names.some((name) => typeof name !== "string")) {
        throw new ValidationError(`${modelName(model)}.replicate(except): expected a list of attribute names such as ['slug'], got ${describeValue(except)}.`);
      }
      const left = new Set(primaryKeys(model).concat(names));
      const attributes = attributesOf(this);
      const copy = new model();
      for (const name of Object.keys(attributes)) if (!left.has(name)) writeAttribute(copy, name, cloneValue(attributes[name]));
      return copy;
    }
    increment(column, amount = 1, extra) {
      return incrementModel(classOf3(this), this, "increment", column, amount, extra);
    }
    decrement(column, amount = 1, extra) {
      return incrementModel(classOf3(this), this, "decrement", column, amount, extra);
    }
    loadCount(...args) {
      loadCollection(_Model, [this], args, "loadCount");
      return this;
    }
    loadExists(...args) {
      loadCollection(_Model, [this], args, "loadExists");
      return this;
    }
    /** Sets `$extras.<name>_sum_<column>`, the total of a related column (Eloquent's loadSum); null when there is none. */
    loadSum(relation, column) {
      loadCollection(_Model, [this], Array.from(arguments), "loadSum");
      return this;
    }
    /** Sets `$extras.<name>_avg_<column>` (Eloquent's loadAvg). */
    loadAvg(relation, column) {
      loadCollection(_Model, [this], Array.from(arguments), "loadAvg");
      return this;
    }
    /** Sets `$extras.<name>_min_<column>` (Eloquent's loadMin). */
    loadMin(relation, column) {
      loadCollection(_Model, [this], Array.from(arguments), "loadMin");
      return this;
    }
    /** Sets `$extras.<name>_max_<column>` (Eloquent's loadMax). */
    loadMax(relation, column) {
      loadCollection(_Model, [this], Array.from(arguments), "loadMax");
      return this;
    }
    /** Lucid's loadAggregate: `post.loadAggregate('comments', q => q.sum('votes').as('votes'))`. */
    loadAggregate(name, callback) {
      loadCollection(_Model, [this], [name, callback], "loadAggregate");
      return this;
    }
    load(...args) {
      loadRelations(classOf3(this), [this], args);
      return this;
    }
    /** Lucid's spelling of `load(name, callback?)`. */
    preload(name, callback) {
      return callback ? this.load(name, callback) : this.load(name);
    }
    /** The relation client for this model: query it, attach/sync, create related models… */
    related(name) {
      return classOf3(this).$getRelation(name).client(this);
    }
    /** A plain object: attributes, loaded relations and `pivot`; what an overridden `serialize()` returns, as in Lucid. */
    toJSON() {
      if (this.serialize === _Model.prototype.serialize || serializing.has(this)) return serialize(this, classOf3(this));
      serializing.add(this);
      try {
        return this.serialize();
      } finally {
        serializing.delete(this);
      }
    }
    /** `toJSON()`, keeping only the fields (and relations' fields) a Lucid cherry-pick names: `serialize({ fields: ['id', 'title'] })`. */
    serialize(cherryPick) {
      return serialize(this, classOf3(this), cherryPick);
    }
  };
  var serializing = /* @__PURE__ */ new WeakSet();
  registerBaseSave(Model.prototype.save);
  registerCollectionLoader((items, args, kind) => loadCollection(Model, items, args, kind));
  registerItemZone((item) => item instanceof Model ? spreadsheetZone(classOf3(item)) : void 0);
  Object.defineProperty(Model.prototype, "serializeExtras", { value: false, writable: true, configurable: true });
  defineResolvedSettings(Model);
  for (const name of ["$isPersisted", "$isNew", "$isDeleted", "$isDirty", "$dirty", "$original", "$attributes", "$extras", "$primaryKeyValue"]) {
    const descriptor = Object.getOwnPropertyDescriptor(Model.prototype, name);
    Object.defineProperty(Model.prototype, name, {
      ...descriptor,
      set(value) {
        writeAttribute(this, name, value);
      }
    });
  }
  function holdsIds(value) {
    return Array.isArray(value) && value.some((item) => item === null || typeof item !== "object" || isDate(item));
  }
  function relationIdsError(model, name, value) {
    return new ValidationError(
      `${modelName(model)}: "${name}" is a relation, and ${describeValue(value)} holds ids, not rows, so it cannot be set with the attributes. Save the model, then link them through the relation: model.related('${name}').attach(ids) or .sync(ids) for many-to-many, .createMany(rows) or .saveMany(models) for hasMany. Nothing was written.`
    );
  }
  function isSerializedExtra(model, name) {
    return name === "pivot" || name === "meta" && model.serializeExtras === true;
  }
  function checkAttributes(model, attributes, method) {
    if (isPlainObject(attributes)) return;
    const name = modelName(classOf3(model));
    const call = method === "constructor" ? `new ${name}()` : `${name}.${method}`;
    throw new ValidationError(`${call}: expected an object of attributes, got ${describeValue(attributes)}.`);
  }
  function findOrCreateModel(model, method, search, attributes, update) {
    const owner = modelName(model);
    checkAttributeObjects(owner, method, search, attributes);
    const find = () => model.query().where(search).first();
    return findOrCreate(owner, method, find, (merged) => model.create(merged), search, attributes, update);
  }
  function createModels(model, list, method) {
    checkAttributeList(method === "create" ? list[0] : list, modelName(model), method, model);
    if (!list.length) return [];
    const instances = Array.from(
      list,
      (attributes) => (
        // Merged after construction: a subclass's field initialisers (`views = 0`) run after super() and would overwrite them.
        attributes instanceof model ? attributes : new model().merge(attributes)
      )
    );
    return runWrite(`${modelName(model)}.${method}`, (unit) => {
      const allNew = new Set(instances).size === instances.length && instances.every((instance) => !instance.$isPersisted);
      if (allNew && model.prototype.save !== Model.prototype.save) saveEach(model, instances);
      else insertModels(model, instances, unit);
      return instances;
    });
  }

  // src/classNames.ts
  var PUBLIC_CLASSES = { Collection, Paginator, Model, ConditionBuilder, QueryBuilder, ManyToManyQueryBuilder };
  for (const name of Object.keys(PUBLIC_CLASSES)) {
    if (PUBLIC_CLASSES[name].name !== name) Object.defineProperty(PUBLIC_CLASSES[name], "name", { value: name, configurable: true });
  }

  // src/transaction.ts
  function transaction(fn) {
    requireSyncFunction(fn, "transaction");
    return runWrite(
      "SheetORM.transaction",
      () => {
        const value = fn();
        if (isThenable(value)) throw new ValidationError(`SheetORM.transaction(fn): fn returned a Promise. ${SYNC_ONLY} Nothing was written.`);
        return value;
      },
      true
    );
  }
  function session2(fn) {
    requireSyncFunction(fn, "session");
    return session(fn);
  }
  var SYNC_ONLY = "sheetorm runs synchronously, as Apps Script does: write fn as a plain function, without async or await.";
  function requireSyncFunction(fn, method) {
    if (typeof fn !== "function") throw new ValidationError(`SheetORM.${method}(fn): fn must be a function.`);
    const tag = Object.prototype.toString.call(fn);
    if (tag === "[object AsyncFunction]" || tag === "[object AsyncGeneratorFunction]") {
      throw new ValidationError(`SheetORM.${method}(fn): fn is an async function. ${SYNC_ONLY}`);
    }
  }
  function isThenable(value) {
    return value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function";
  }

  // src/schema/declared.ts
  var RELATION_CALL = /\bthis\s*\.\s*(hasOne|hasMany|belongsTo|manyToMany|belongsToMany)\s*\(/;
  function declaredRelations(model) {
    const names = /* @__PURE__ */ new Set();
    const fields = fieldsOf(model);
    for (const name of Object.keys(fields)) if (fields[name] instanceof Relation) names.add(name);
    for (let proto = model.prototype; proto && proto !== Model.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (name !== "constructor" && descriptor && typeof descriptor.value === "function" && RELATION_CALL.test(String(descriptor.value))) names.add(name);
      }
    }
    return Array.from(names).map((name) => model.$getRelation(name));
  }
  function declaredSchemas(models) {
    const schemas = /* @__PURE__ */ new Map();
    const want = (owner, sheet, spreadsheetId, columns) => {
      const key = `${spreadsheetId || ""}\0${sheet}`;
      const schema = schemas.get(key) || { sheetName: sheet, spreadsheetId: spreadsheetId || null, columns: [], owner };
      for (const column of columns) {
        const name = checkedColumn(column, owner, sheet);
        if (schema.columns.indexOf(name) < 0) schema.columns.push(name);
      }
      schemas.set(key, schema);
    };
    for (const model of models) want(modelName(model), sheetName(model), pinnedSpreadsheetId(model), modelColumns(model));
    for (const model of models) {
      for (const relation of declaredRelations(model)) addRelationColumns(relation, models, want);
    }
    return Array.from(schemas.values());
  }
  function modelColumns(model) {
    if (model.columns !== void 0 && !Array.isArray(model.columns)) {
      throw new ValidationError(`SheetORM.ensureSchema(): ${modelName(model)}.columns must be a list of column names, such as ['id', 'title'], not ${describeValue(model.columns)}.`);
    }
    const fields = attributeFields(fieldsOf(model)).map(([name]) => name);
    return primaryKeys(model).concat(model.columns || [], fields);
  }
  function checkedColumn(column, owner, sheet) {
    const name = typeof column === "string" ? column.trim() : "";
    const guarded = needsTextGuard(name);
    if (!name || name.length + (guarded ? 1 : 0) > MAX_CELL_CHARS) {
      const apostrophe = guarded && name.length === MAX_CELL_CHARS ? ` (${MAX_CELL_CHARS - 1} for this one: Sheets could parse it, so it is written after an apostrophe)` : "";
      throw new ValidationError(
        `SheetORM.ensureSchema(): ${owner} declares a column ${describeValue(column)} for sheet "${sheet}"; a column name is non-empty text of at most ${MAX_CELL_CHARS} characters${apostrophe}. Nothing was changed.`
      );
    }
    return name;
  }
  function addRelationColumns(relation, models, want) {
    relation.boot();
    const related = relation.relatedModel();
    const owner = relation.label();
    if (relation.type === "manyToMany") {
      const ref = relation.pivotRef();
      const columns = [relation.pivotForeignKey, relation.pivotRelatedForeignKey].concat(relation.pivotColumns);
      if (relation.pivotModel) want(owner, ref.sheetName, ref.spreadsheetId, modelColumns(relation.pivotModel).concat(columns));
      else want(owner, ref.sheetName, ref.spreadsheetId, columns);
    } else if (relation.type === "belongsTo") {
      want(owner, sheetName(relation.model), pinnedSpreadsheetId(relation.model), [relation.foreignKey]);
    } else if (models.indexOf(related) >= 0) {
      want(owner, sheetName(related), pinnedSpreadsheetId(related), [relation.foreignKey]);
    }
  }

  // src/schema/ensureSchema.ts
  function ensureSchema(models) {
    if (!Array.isArray(models) || Array.from(models).some((m) => typeof m !== "function" || typeof m.$getRelation !== "function")) {
      throw new ValidationError("SheetORM.ensureSchema(models): pass an array of model classes, e.g. ensureSchema([Post, Tag]).");
    }
    if (inUnitOfWork()) {
      throw new ValidationError("SheetORM.ensureSchema() cannot run inside SheetORM.transaction(); call it before the transaction.");
    }
    const schemas = declaredSchemas(models);
    const report = { created: {}, added: {} };
    if (nothingMissing(schemas)) return report;
    const held = acquireLock("SheetORM.ensureSchema");
    let wrote = false;
    try {
      const names = /* @__PURE__ */ new Map();
      const plans = planAll(schemas, names);
      const done = /* @__PURE__ */ new Set();
      for (const plan of plans) {
        const again = done.has(plan.schema.sheetName);
        done.add(plan.schema.sheetName);
        wrote = applyPlan(again ? planSchema(plan.schema, names) : plan, report) || wrote;
      }
    } finally {
      if (wrote) {
        forgetHandles();
        forgetSessionSheets();
      }
      held.release(wrote);
    }
    return report;
  }
  function nothingMissing(schemas) {
    try {
      return planAll(schemas).every((plan) => plan.existing && !plan.missing.length);
    } catch (error) {
      if (error instanceof ValidationError) return false;
      throw error;
    }
  }
  function planAll(schemas, names = /* @__PURE__ */ new Map()) {
    const plans = schemas.map((schema) => planSchema(schema, names));
    assertNoCaseClash(plans);
    return plans;
  }
  function planSchema(schema, names) {
    const spreadsheet = openSpreadsheet(schema.spreadsheetId);
    const existing = retried("Spreadsheet.getSheetByName", () => spreadsheet.getSheetByName(schema.sheetName));
    if (!existing) {
      let known = names.get(spreadsheet);
      if (!known) {
        known = retried("Spreadsheet.getSheets", () => spreadsheet.getSheets()).map((sheet) => sheet.getName());
        names.set(spreadsheet, known);
      }
      const clash = known.find((name) => name.toLowerCase() === schema.sheetName.toLowerCase());
      if (clash === schema.sheetName) {
        const made = retried("Spreadsheet.getSheetByName", () => spreadsheet.getSheetByName(schema.sheetName));
        if (made) return planExisting(schema, spreadsheet, made);
      }
      if (clash) {
        throw new ValidationError(
          `SheetORM.ensureSchema(): ${schema.owner} needs a sheet "${schema.sheetName}", and spreadsheet "${spreadsheetName(spreadsheet)}" has "${clash}", a name that differs only in case (Sheets allows one of them); use "${clash}" (_table, or the relation's pivot name) or rename that sheet. Nothing was changed.`
        );
      }
      if (schema.sheetName.length > 100) {
        throw new ValidationError(
          `SheetORM.ensureSchema(): ${schema.owner} needs a sheet "${schema.sheetName.slice(0, 40)}\u2026" of ${schema.sheetName.length} characters, and Sheets allows at most 100; shorten the name (_table, or the relation's pivot name). Nothing was changed.`
        );
      }
      return { schema, spreadsheet, existing: null, start: 1, missing: schema.columns };
    }
    return planExisting(schema, spreadsheet, existing);
  }
  function planExisting(schema, spreadsheet, existing) {
    const lastColumn = retried("Sheet.getLastColumn", () => existing.getLastColumn());
    const row = lastColumn ? retried("Range.getValues", () => existing.getRange(1, 1, 1, lastColumn).getValues()[0]) : [];
    const where = { describe: () => `sheet "${schema.sheetName}" in spreadsheet "${spreadsheetName(spreadsheet)}"` };
    const header = Header.parse(row, where, lastColumn, `SheetORM.ensureSchema(): ${schema.owner}`, () => timeZoneOf(spreadsheet));
    return { schema, spreadsheet, existing, start: header.width + 1, missing: schema.columns.filter((column) => !header.has(column)) };
  }
  function assertNoCaseClash(plans) {
    const creating = plans.filter((plan) => !plan.existing);
    for (const plan of creating) {
      const other = creating.find(
        (o) => o.schema.sheetName !== plan.schema.sheetName && o.schema.sheetName.toLowerCase() === plan.schema.sheetName.toLowerCase() && // One spreadsheet may be reached through two handles (the active one, and by its id).
        (o.spreadsheet === plan.spreadsheet || spreadsheetIdOf(o.spreadsheet) === spreadsheetIdOf(plan.spreadsheet))
      );
      if (other) {
        throw new ValidationError(
          `SheetORM.ensureSchema(): ${plan.schema.owner} needs a sheet "${plan.schema.sheetName}" and ${other.schema.owner} one named "${other.schema.sheetName}"; Sheets allows only one of these names, whatever the case. Use one spelling. Nothing was changed.`
        );
      }
    }
  }
  function applyPlan({ schema, spreadsheet, existing, start, missing }, report) {
    if (!existing) {
      const sheet = once("Spreadsheet.insertSheet", () => spreadsheet.insertSheet(schema.sheetName));
      growColumns(sheet, schema.columns.length);
      writeHeader(sheet, 1, schema.columns);
      once("Sheet.setFrozenRows", () => sheet.setFrozenRows(1));
      report.created[schema.sheetName] = schema.columns.slice();
      return true;
    }
    if (!missing.length) return false;
    growColumns(existing, start + missing.length - 1);
    writeHeader(existing, start, missing);
    report.added[schema.sheetName] = (report.added[schema.sheetName] || []).concat(missing);
    return true;
  }
  function growColumns(sheet, needed) {
    const maxColumns = retried("Sheet.getMaxColumns", () => sheet.getMaxColumns());
    if (needed > maxColumns) once("Sheet.insertColumnsAfter", () => sheet.insertColumnsAfter(maxColumns, needed - maxColumns));
  }
  function writeHeader(sheet, column, names) {
    if (!names.length) return;
    const cells = [names.map((name) => toCell(name, { describe: () => `header "${name}"` }))];
    retried("Range.setValues", () => sheet.getRange(1, column, 1, names.length).setValues(cells));
  }

  // src/index.ts
  var VERSION = "0.1.0";
  return __toCommonJS(index_exports);
})();
var BelongsTo = SheetORM.BelongsTo;
var Collection = SheetORM.Collection;
var ColumnNotFoundError = SheetORM.ColumnNotFoundError;
var DuplicateKeyError = SheetORM.DuplicateKeyError;
var HasMany = SheetORM.HasMany;
var HasManyQueryBuilder = SheetORM.HasManyQueryBuilder;
var HasOne = SheetORM.HasOne;
var LockTimeoutError = SheetORM.LockTimeoutError;
var ManyToMany = SheetORM.ManyToMany;
var ManyToManyQueryBuilder = SheetORM.ManyToManyQueryBuilder;
var Model = SheetORM.Model;
var ModelNotFoundError = SheetORM.ModelNotFoundError;
var Paginator = SheetORM.Paginator;
var QueryBuilder = SheetORM.QueryBuilder;
var Relation = SheetORM.Relation;
var RelationNotFoundError = SheetORM.RelationNotFoundError;
var ServiceError = SheetORM.ServiceError;
var SheetNotFoundError = SheetORM.SheetNotFoundError;
var SheetORMError = SheetORM.SheetORMError;
var VERSION = SheetORM.VERSION;
var ValidationError = SheetORM.ValidationError;
var WriteError = SheetORM.WriteError;
var configure = SheetORM.configure;
var ensureSchema = SheetORM.ensureSchema;
var scope = SheetORM.scope;
var session = SheetORM.session;
var transaction = SheetORM.transaction;
