import { LocalDateResolver } from 'graphql-scalars';

/** Calendar date without time or zone, `YYYY-MM-DD` (birth dates, deadlines, decision dates). */
export const LocalDate = LocalDateResolver;
