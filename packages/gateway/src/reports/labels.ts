/** Russian names of the figures in the reports; a figure not named here shows its schema description. */
export const FIGURE_LABELS: Record<string, string> = {
  peopleIdentified: 'Выявлено инвалидов, нуждающихся в сопровождаемом проживании',
  councilDecisionsOverdue: 'Просрочено поручений Совета',
  reassessmentsOverdue: 'Просрочено повторных оценок нуждаемости',
  trainingFlatPlaces: 'Мест в тренировочных квартирах',
  trainingFlatOccupied: 'Занято мест в тренировочных квартирах',
  otherHousingPlaces: 'Мест в иных жилых помещениях',
  otherHousingOccupied: 'Занято мест в иных жилых помещениях',
  peopleInEducation: 'Инвалидов, получающих образование',
  peopleInGeneralEducation: 'Из них общее образование',
  peopleInVocationalEducation: 'Из них профессиональное образование',
  peopleInFurtherProfessionalEducation: 'Из них дополнительное профессиональное образование',
  educationProgrammesCompleted: 'Завершено образовательных программ',
  pmpkRecommendationsIssued: 'Выдано заключений ПМПК',
  vocationalGuidanceSessions: 'Проведено профориентационных занятий (образование)',
  peopleEmployed: 'Трудоустроено инвалидов',
  peopleInSupportedEmployment: 'Из них на сопровождаемом трудоустройстве (с наставником)',
  peopleOnQuotaJobs: 'Из них на квотируемых рабочих местах',
  vacanciesOpen: 'Открытых вакансий',
  quotaVacanciesOpen: 'Из них квотируемых',
  workplacesCreated: 'Создано рабочих мест для инвалидов',
  workplacesEquipped: 'Оборудовано (оснащено) рабочих мест для инвалидов',
  workplacesAboveQuota: 'Дополнительных рабочих мест сверх квоты',
  registeredUnemployed: 'Зарегистрировано безработными',
  peopleInVocationalTraining: 'Проходят профессиональное обучение (служба занятости)',
  vocationalGuidanceGiven: 'Оказано услуг по профориентации (служба занятости)',
  selfEmploymentSupported: 'Оказано содействие самозанятости',
  medicalConclusionsIssued: 'Выдано медицинских заключений (приказ 202н)',
  medicalConclusionsWithContraindications: 'Из них с выявленными противопоказаниями',
  medicalConclusionsValid: 'Действующих медицинских заключений',
  interagencyRequestsAnsweredByHealth: 'Отвечено на межведомственные запросы (здравоохранение)',
  peopleInMedicalRehabilitation: 'Проходят медицинскую реабилитацию',
  mobileTeamVisits: 'Выездов мобильных медицинских бригад',
};

export const STAGE_LABELS: Record<string, string> = {
  PREPARATORY: 'Подготовительный этап',
  TRAINING: 'Тренировочный этап',
  MAIN: 'Основной этап',
};

export const HOUSING_LABELS: Record<string, string> = {
  TRAINING_FLAT: 'Тренировочная квартира',
  PROVIDER_UNIT: 'Обособленное помещение поставщика',
  RENTED_FLAT: 'Квартира по договору найма',
  OWN_FLAT: 'Собственное жильё',
  SOCIAL_TENANCY: 'Социальный наём',
  SPECIALISED_STOCK: 'Специализированный жилищный фонд',
  NGO_HOUSING: 'Жильё НКО',
  DORMITORY: 'Общежитие',
  HOTEL: 'Гостиница',
};

export const COMPARATOR_LABELS: Record<string, string> = {
  AT_LEAST: 'не менее',
  AT_MOST: 'не более',
  MORE_THAN: 'более',
  LESS_THAN: 'менее',
  EXACTLY: '',
};

export const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
