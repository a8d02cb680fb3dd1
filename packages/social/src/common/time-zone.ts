/** Visits are counted by the region's calendar day. */
export const TIME_ZONE = 'Europe/Moscow';
