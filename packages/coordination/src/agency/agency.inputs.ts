export const REGION_PATTERN = /^[a-z][a-z-]{1,39}$/;
export const REGION_MESSAGE = 'Регион: латинский код из строчных букв, например kaliningrad';
