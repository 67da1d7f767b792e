/**
 * The benchmark data set, built deterministically from one size: `rows` posts.
 *
 *   Users   id, name, email                      rows / 10 users (at least 10)
 *   Posts   id, user_id, title, status, views, created_at
 *   Tags    id, name                             max(300, rows / 50) tags; tag 1 is "featured"
 *   PostTag post_id, tag_id                      5 tags per post, in post order (as attached)
 *
 * Three kinds of scattered rows give the write workloads something realistic to do:
 * - `featured`: every k-th post (300 of them, fewer for small sizes) has tag 1 among its five;
 * - `hub`: the middle post has 150 tags, tags 2..151, whose pivot rows were added over time and so
 *   lie spread over the whole PostTag sheet (it has no regular group of five);
 * - `picked`: 1,000 posts spread evenly (rows / 4 for small sizes), for scattered updates and deletes.
 *
 * Apps Script grids are at most 10,000,000 cells and new sheets have 26 columns, so sheets are
 * created with their header, trimmed to their width and grown to fit before the data is written.
 */
'use strict';

const TAGS_PER_POST = 5;
const HUB_TAGS = 150;
const DAY = 24 * 3600 * 1000;
const START = Date.UTC(2024, 0, 1);

const HEADERS = {
  Users: ['id', 'name', 'email'],
  Posts: ['id', 'user_id', 'title', 'status', 'views', 'created_at'],
  Tags: ['id', 'name'],
  PostTag: ['post_id', 'tag_id'],
};

/** `count` ids spread evenly over 1..rows (every step-th, starting at step / 2). */
function spread(rows, count) {
  const step = rows / count;
  return Array.from({ length: count }, (_, i) => Math.floor(i * step + step / 2) + 1);
}

function postRow(id, users) {
  const status = ['draft', 'published', 'review'][id % 3];
  return [id, ((id - 1) % users) + 1, `Post ${id}`, status, (id * 37) % 1000, new Date(START + (id % 1460) * DAY)];
}

/** The five regular tags of post `id` (2..tags), tag 1 first when the post is featured. */
function regularTags(id, tags, featured) {
  const base = (id * 7) % (tags - 1);
  const list = [];
  for (let k = 0; k < TAGS_PER_POST; k++) list.push(2 + ((base + k * 13) % (tags - 1)));
  if (featured) list[0] = 1;
  return list;
}

function pivotRows(rows, tags, featuredSet, hub) {
  const pivot = [];
  const hubTags = Array.from({ length: HUB_TAGS }, (_, i) => i + 2);
  let nextHub = 0;
  for (let id = 1; id <= rows; id++) {
    if (id !== hub) for (const tag of regularTags(id, tags, featuredSet.has(id))) pivot.push([id, tag]);
    // The hub's rows: one after every rows / 150 posts, so no two are adjacent.
    while (nextHub < HUB_TAGS && id >= ((nextHub + 1) * rows) / HUB_TAGS) pivot.push([hub, hubTags[nextHub++]]);
  }
  return pivot;
}

/** The rows of every sheet (header first) and the facts workloads need, for `rows` posts. */
function fixtureData(rows) {
  const users = Math.max(10, Math.floor(rows / 10));
  const tags = Math.max(300, Math.floor(rows / 50));
  const hub = Math.ceil(rows / 2);
  const featured = spread(rows, Math.min(300, Math.floor(rows / 4))).filter((id) => id !== hub);
  const picked = spread(rows, Math.min(1000, Math.floor(rows / 4))).map((id) => (id === hub ? id + 1 : id));
  const sheets = {
    Users: [HEADERS.Users, ...Array.from({ length: users }, (_, i) => [i + 1, `User ${i + 1}`, `user${i + 1}@example.com`])],
    Posts: [HEADERS.Posts, ...Array.from({ length: rows }, (_, i) => postRow(i + 1, users))],
    Tags: [HEADERS.Tags, ...Array.from({ length: tags }, (_, i) => [i + 1, i === 0 ? 'featured' : `tag-${i + 1}`])],
    PostTag: [HEADERS.PostTag, ...pivotRows(rows, tags, new Set(featured), hub)],
  };
  return { rows, sheets, facts: { rows, users, tags, hub, hubTags: HUB_TAGS, featured, picked } };
}

/**
 * A fresh in-memory Apps Script holding `names` sheets of `data` (default: all), with its call log
 * reset. Each sheet is created with its header, trimmed to its width, grown to fit its rows (never
 * below Sheets' default 1,000 rows) and filled with one setValues.
 */
function createFixture(testing, data, names = Object.keys(data.sheets)) {
  const seed = {};
  for (const name of names) seed[name] = [data.sheets[name][0]];
  const env = testing.createAppsScript({ sheets: seed, spreadsheetName: 'Bench' });
  const book = env.SpreadsheetApp.getActiveSpreadsheet();
  for (const name of names) {
    const values = data.sheets[name];
    const sheet = book.getSheetByName(name);
    const width = values[0].length;
    if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
    if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    if (values.length > 1) sheet.getRange(2, 1, values.length - 1, width).setValues(values.slice(1));
  }
  env.calls.reset();
  return env;
}

module.exports = { fixtureData, createFixture, HEADERS };
