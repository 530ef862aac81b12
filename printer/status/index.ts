/** What a printer says about itself, in each language, and how to ask it. */
export * from './types.js';
export { printerStatus, statusQuery, parseStatus, answerComplete } from './query.js';
export { parseZplStatus, parseHostStatus, parseHqesErrors } from './zpl.js';
export { parseEscposStatus } from './escpos.js';
export { parseTsplStatus } from './tspl.js';
