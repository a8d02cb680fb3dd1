/**
 * What each record form says once saved (react-admin's `resources.<name>.notifications.created`),
 * instead of its generic "Элемент создан": the user reads what was recorded.
 */
const created = (messages: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(messages).map(([resource, created]) => [resource, { notifications: { created } }]),
  );

export const createdNotices = {
  ru: {
    resources: created({
      medicalConclusions: 'Медицинское заключение записано.',
      rehabilitationEpisodes: 'Эпизод медицинской реабилитации записан.',
      mobileTeamVisits: 'Выезд мобильной бригады записан.',
      interagencyAnswers: 'Ответ на межведомственный запрос записан.',
      enrolments: 'Получатель зачислен на обучение.',
      enrolmentEnds: 'Окончание обучения записано.',
      pmpkRecommendations: 'Рекомендация ПМПК записана.',
      guidanceSessions: 'Профориентационная консультация записана.',
      ipraWorkKinds: 'Виды работ по ИПРА записаны.',
      employers: 'Работодатель добавлен в справочник.',
      vacancies: 'Вакансия записана.',
      placements: 'Трудоустройство записано.',
      placementEnds: 'Окончание трудоустройства записано.',
      employmentSupports: 'Мера содействия занятости записана.',
      visitOutcomes: 'Итог посещения записан.',
    }),
  },
  en: {
    resources: created({
      medicalConclusions: 'Medical conclusion recorded.',
      rehabilitationEpisodes: 'Rehabilitation episode recorded.',
      mobileTeamVisits: 'Mobile team visit recorded.',
      interagencyAnswers: 'Answer to the interagency request recorded.',
      enrolments: 'Person enrolled.',
      enrolmentEnds: 'End of the enrolment recorded.',
      pmpkRecommendations: 'PMPK recommendation recorded.',
      guidanceSessions: 'Vocational guidance session recorded.',
      ipraWorkKinds: 'IPRA work kinds recorded.',
      employers: 'Employer added to the directory.',
      vacancies: 'Vacancy recorded.',
      placements: 'Placement recorded.',
      placementEnds: 'End of the placement recorded.',
      employmentSupports: 'Employment support recorded.',
      visitOutcomes: 'Visit outcome recorded.',
    }),
  },
};
