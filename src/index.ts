/** sheetorm's public surface. */
export const VERSION = '0.1.0';
