/**
 * Users and Projects: sync with pivot data. The pivot sheet project_user (the default name) holds
 * each member's role and hours; pivotColumns puts them on `project.pivot`.
 * Sheets: users-projects.sheets.json.
 */
class User extends SheetORM.Model {
  projects() { return this.manyToMany(Project, { pivotColumns: ['role', 'hours'] }); }
}
User._table = 'Users';

class Project extends SheetORM.Model {
  members() { return this.manyToMany(User, { pivotColumns: ['role', 'hours'] }); }
}
Project._table = 'Projects';

/** Each project's members with their role and hours. */
function projectTeams() {
  Project.with('members').get().each(function (project) {
    const members = project.members.map(function (user) {
      return user.name + ' (' + user.pivot.role + ', ' + user.pivot.hours + ' h)';
    });
    Logger.log('%s: %s', project.name, members.join(', ') || 'nobody');
  });
}

/** Makes Ada's projects exactly Apollo (lead, 12 h) and Gemini (dev, 4 h): a diff, not a rewrite. */
function syncAda() {
  const ada = User.findByOrFail('name', 'Ada');
  const result = ada.related('projects').sync({
    1: { role: 'lead', hours: 12 },
    2: { role: 'dev', hours: 4 },
  });
  Logger.log('attached: %s; updated: %s; detached: %s', result.attached.join(', '), result.updated.join(', '), result.detached.join(', '));
}

/** Adds Linus to Mercury without touching his other projects. */
function addLinusToMercury() {
  const linus = User.findByOrFail('name', 'Linus');
  linus.related('projects').sync({ 3: { role: 'reviewer', hours: 2 } }, false);
  Logger.log('Linus: %s', linus.related('projects').query().orderBy('name').pluck('name').join(', '));
}

/** Who works more than 5 hours on something, per user. */
function busyMembers() {
  User.with('projects', function (projects) { projects.wherePivot('hours', '>', 5); }).get().each(function (user) {
    Logger.log('%s: %s', user.name, user.projects.map(function (p) { return p.name + ' ' + p.pivot.hours + ' h'; }).join(', ') || '-');
  });
}
