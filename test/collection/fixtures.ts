import { runInNewContext } from 'node:vm';

/** A post as a plain object, the way a loaded model looks to a Collection. */
export interface Post {
  id: number;
  title: string;
  views: number | null;
  published: boolean;
  createdAt: Date | null;
  author: { name: string; country?: string } | null;
}

/** Four posts with a null, a missing author and equal view counts (for stable sorts). */
export function posts(): Post[] {
  return [
    { id: 1, title: 'Hello world', views: 10, published: true, createdAt: new Date('2024-01-02'), author: { name: 'Ada', country: 'UK' } },
    { id: 2, title: '100% pure', views: null, published: false, createdAt: null, author: { name: 'Linus' } },
    { id: 3, title: 'a.b (c)', views: 10, published: true, createdAt: new Date('2023-05-06'), author: null },
    { id: 4, title: 'Zed', views: 3, published: false, createdAt: new Date('2025-03-04'), author: { name: 'Grace', country: 'US' } },
  ];
}

/** A Date created in another realm, as an Apps Script library or `vm` would hand over. */
export function foreignDate(iso: string): Date {
  return runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date;
}

/** The ids of a collection's (or array's) posts, for compact assertions. */
export function ids(items: Iterable<{ id: number }>): number[] {
  return Array.from(items, (item) => item.id);
}
