/** The agency directory's forms (administrators add and edit agencies). */
export const agenciesRu = {
  resources: {
    agencies: {
      fields: { name: 'Полное наименование' },
    },
  },
  app: {
    agencies: {
      region_hint: 'Латинский код региона, например kaliningrad',
      abbreviations_hint:
        'По одному в строке: так, как ведомство называют документы (например, «Минздрав НСО»)',
    },
  },
};

export const agenciesEn = {
  resources: {
    agencies: {
      fields: { name: 'Full name' },
    },
  },
  app: {
    agencies: {
      region_hint: 'Region code in Latin letters, e.g. kaliningrad',
      abbreviations_hint: 'One per line, as documents name the agency',
    },
  },
};
