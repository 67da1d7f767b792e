/**
 * Users and Roles through a pivot model: RoleUser rows carry who granted a role and when, and
 * each role reached through user.roles has them on `role.pivot` (a RoleUser you can save).
 * Sheets: users-roles.sheets.json.
 */
class RoleUser extends SheetORM.Model {}
RoleUser._table = 'RoleUser';
RoleUser._primaryKey = ['user_id', 'role_id'];

class User extends SheetORM.Model {
  roles() { return this.manyToMany(Role, RoleUser, 'user_id', 'role_id'); }
}
User._table = 'Users';

class Role extends SheetORM.Model {
  users() { return this.manyToMany(User, RoleUser, 'role_id', 'user_id'); }
}
Role._table = 'Roles';

/** Each user's roles with the pivot data. */
function usersAndRoles() {
  User.with('roles').get().each(function (user) {
    const roles = user.roles.map(function (role) {
      return role.name + ' (granted by ' + role.pivot.granted_by + ')';
    });
    Logger.log('%s: %s', user.name, roles.join(', ') || 'no roles');
  });
}

/** Grants a role with pivot data, a Date included. */
function grantEditorToGrace() {
  const grace = User.findByOrFail('name', 'Grace');
  const editor = Role.findByOrFail('name', 'editor');
  grace.related('roles').attach({ [editor.id]: { granted_by: 'Ada', granted_on: new Date(Date.UTC(2024, 5, 1)) } });
  Logger.log('Grace is now: %s', grace.related('roles').query().pluck('name').join(', '));
}

/** Changes a pivot row through the pivot model, then through updateExistingPivot. */
function regrant() {
  const ada = User.with('roles').where('name', 'Ada').firstOrFail();
  const admin = ada.roles.find(function (role) { return role.name === 'admin'; });
  Logger.log('Pivot of Ada/admin is a %s: %s', admin.pivot.constructor.name, JSON.stringify(admin.pivot.toJSON()));
  admin.pivot.granted_by = 'board';
  admin.pivot.save();
  ada.related('roles').updateExistingPivot(2, { granted_by: 'board' });
  Logger.log('Granted by: %s', RoleUser.where('user_id', ada.id).pluck('granted_by').join(', '));
}

/** Who holds each role, counting only grants made by Ada. */
function grantsByAda() {
  Role.with('users', function (users) { users.wherePivot('granted_by', 'Ada'); }).get().each(function (role) {
    Logger.log('%s granted by Ada to: %s', role.name, role.users.pluck('name').join(', ') || 'nobody');
  });
}
