/**
 * Students and Courses: counting related rows with withCount, has and doesntHave.
 *
 * The relation uses the default names: the pivot sheet is course_student (the two singular names,
 * sorted) with columns student_id and course_id. Sheets: students-courses.sheets.json.
 */
class Student extends SheetORM.Model {
  courses() { return this.manyToMany(Course); }
}
Student._table = 'Students';

class Course extends SheetORM.Model {
  students() { return this.manyToMany(Student); }
}
Course._table = 'Courses';

/** How many students each course has (the count lands in $extras.students_count). */
function courseSizes() {
  Course.withCount('students').orderBy('title').get().each(function (course) {
    const count = course.$extras.students_count;
    Logger.log(course.title + ': ' + count + (count === 1 ? ' student' : ' students'));
  });
}

/** How many courses each student takes, busiest first. */
function studentLoads() {
  Student.withCount('courses').get()
    .sortByDesc(function (student) { return student.$extras.courses_count; })
    .each(function (student) {
      const count = student.$extras.courses_count;
      Logger.log(student.name + ' takes ' + count + (count === 1 ? ' course' : ' courses'));
    });
}

/** Courses with at least two students, and courses nobody takes. */
function popularAndEmpty() {
  Logger.log('At least 2 students: %s', Course.has('students', '>=', 2).pluck('title').join(', '));
  Logger.log('No students: %s', Course.doesntHave('students').pluck('title').join(', '));
}

/** Enrols Dan in Art and Math, then counts again. */
function enrolDan() {
  const dan = Student.create({ name: 'Dan' });
  dan.related('courses').attach(Course.whereIn('title', ['Art', 'Math']).pluck('id').all());
  Logger.log('Dan takes %s', dan.related('courses').query().orderBy('title').pluck('title').join(', '));
  courseSizes();
}
