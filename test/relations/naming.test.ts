/** Default key and pivot names: sheet names snake_cased and singularised (`Posts` → `post_id`). */
import { Model } from '../../src';
import { foreignKeyFor, pivotSheetFor, pluralName, singularSnake, snakeCase } from '../../src/relations/naming';
import { seedSheets } from '../support/seed';

describe('the naming helpers', () => {
  test.each([
    ['Posts', 'post_id'],
    ['Categories', 'category_id'],
    ['Courses', 'course_id'],
    ['Users', 'user_id'],
    ['People', 'person_id'],
    ['Addresses', 'address_id'],
    ['BlogPosts', 'blog_post_id'],
    ['Blog Posts', 'blog_post_id'],
    ['blog_posts', 'blog_post_id'],
    ['HTTPRequests', 'http_request_id'],
    ['Series', 'series_id'],
    ['Cookies', 'cookie_id'],
    ['Calories', 'calorie_id'],
    ['Movies', 'movie_id'],
    ['Caches', 'cache_id'],
    ['Niches', 'niche_id'],
    ['Coaches', 'coach_id'],
    ['Canvases', 'canvas_id'],
    ['URLs', 'url_id'],
    ['FAQs', 'faq_id'],
    ['UserIDs', 'user_id_id'],
    ['SMS', 'sms_id'],
    ['GPS', 'gps_id'],
    ['DNS', 'dns_id'],
    ['OS', 'os_id'],
    ['sms', 'sms_id'],
    ['USERS', 'user_id'],
    ['ORDER_ITEMS', 'order_item_id'],
    ['PEOPLE', 'person_id'],
    ['SKUs', 'sku_id'],
    ['CPUs', 'cpu_id'],
    ['Data', 'data_id'],
    ['Metadata', 'metadata_id'],
    ['SensorData', 'sensor_data_id'],
    ['S', 's_id'],
  ])('%s → %s', (sheet, key) => {
    expect(foreignKeyFor(singularSnake(sheet), 'id')).toBe(key);
  });

  test.each([
    ['Post', 'Posts'],
    ['Category', 'Categories'],
    ['Person', 'People'],
    ['Cookie', 'Cookies'],
    ['Canvas', 'Canvases'],
    ['BlogCanvas', 'BlogCanvases'],
    ['UserURL', 'UserURLs'],
    ['UserGPS', 'UserGPS'],
    ['USER', 'USERS'],
    ['SMS', 'SMS'],
    ['Status', 'Statuses'],
    ['Data', 'Data'],
  ])('the class %s reads the sheet %s by default', (name, sheet) => {
    expect(pluralName(name)).toBe(sheet);
  });

  test('the key column is kept as given', () => {
    expect(foreignKeyFor(singularSnake('Users'), 'uuid')).toBe('user_uuid');
  });

  test('snakeCase and singularSnake', () => {
    expect(snakeCase('  BlogPosts ')).toBe('blog_posts');
    expect(snakeCase('order-items')).toBe('order_items');
    expect(singularSnake('Categories')).toBe('category');
  });

  test('pivot sheets are both singular names, sorted and joined', () => {
    expect(pivotSheetFor(singularSnake('Users'), singularSnake('Projects'))).toBe('project_user');
    expect(pivotSheetFor(singularSnake('Projects'), singularSnake('Users'))).toBe('project_user');
    expect(pivotSheetFor(singularSnake('Posts'), singularSnake('Tags'))).toBe('post_tag');
    expect(pivotSheetFor(singularSnake('Students'), singularSnake('Courses'))).toBe('course_student');
    expect(pivotSheetFor(singularSnake('Products'), singularSnake('Categories'))).toBe('category_product');
  });
});

describe('relations use the default names', () => {
  class Category extends Model {
    static override _table = 'Categories';
    products() {
      return this.hasMany(() => Product);
    }
    tagged() {
      return this.manyToMany(() => Product);
    }
  }
  class Product extends Model {
    static override _table = 'Products';
    category() {
      return this.belongsTo(Category);
    }
  }
  /** No `_table`: the sheet is the plural of the class name. */
  class Course extends Model {
    students() {
      return this.manyToMany(() => Student);
    }
  }
  class Student extends Model {}

  function booted(model: typeof Model, name: string): any {
    const relation = model.$getRelation(name) as any;
    relation.boot();
    return relation;
  }

  test('hasMany and belongsTo on Categories use category_id', () => {
    expect(booted(Category, 'products').foreignKey).toBe('category_id');
    expect(booted(Product, 'category').foreignKey).toBe('category_id');
  });

  test('manyToMany defaults the pivot sheet and both pivot keys', () => {
    const tagged = booted(Category, 'tagged');
    expect([tagged.pivotTable, tagged.pivotForeignKey, tagged.pivotRelatedForeignKey]).toEqual(['category_product', 'category_id', 'product_id']);
    const students = booted(Course, 'students');
    expect([students.pivotTable, students.pivotForeignKey, students.pivotRelatedForeignKey]).toEqual(['course_student', 'course_id', 'student_id']);
  });

  test('without _table the keys start from the class name, which is already singular', () => {
    class Axis extends Model {
      charts() {
        return this.hasMany(() => Chart);
      }
    }
    class SKU extends Model {
      stock() {
        return this.hasMany(() => Chart);
      }
      axes() {
        return this.manyToMany(() => Axis);
      }
    }
    class Chart extends Model {}
    /** A class named in the plural reads that sheet, singularised as a _table is. */
    class Posts extends Model {
      notes() {
        return this.hasMany(() => Chart);
      }
    }
    expect(booted(Axis, 'charts').foreignKey).toBe('axis_id');
    expect(booted(SKU, 'stock').foreignKey).toBe('sku_id');
    const axes = booted(SKU, 'axes');
    expect([axes.pivotTable, axes.pivotForeignKey, axes.pivotRelatedForeignKey]).toEqual(['axis_sku', 'sku_id', 'axis_id']);
    expect(booted(Posts, 'notes').foreignKey).toBe('post_id');
  });

  test('models without _table load from the pluralised class name and default keys', () => {
    seedSheets({
      Courses: [['id', 'title'], [1, 'Algebra'], [2, 'Biology']],
      Students: [['id', 'name'], [1, 'Ada'], [2, 'Grace']],
      course_student: [['course_id', 'student_id'], [2, 2], [2, 1]],
    });
    const courses = Course.with('students').get();
    expect(courses.map((course) => [course.toJSON().title, (course as any).students.pluck('name').all()]).all()).toEqual([
      ['Algebra', []],
      ['Biology', ['Grace', 'Ada']],
    ]);
  });
});
