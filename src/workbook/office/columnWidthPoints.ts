/** One home for the column-width arithmetic: the report's paper layout uses it too. */
export { columnWidthPoints } from '../../report/printLayout';
