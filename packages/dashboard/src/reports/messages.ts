/** Messages of the reports a secretary downloads (issue 20). Merged into ru.ts / en.ts. */
export const reportsRu = {
  app: {
    reports: {
      title: 'Отчёты для отправки',
      annual: 'Доклад в Минтруд России',
      albrecht: 'Мониторинг для ФНОЦ им. Г.А. Альбрехта',
      brief: 'Справка к заседанию',
      download: '%{report} (%{format})',
      year: 'Отчётный год',
      failed: 'Отчёт не сформирован: %{message}',
    },
  },
};

export const reportsEn = {
  app: {
    reports: {
      title: 'Reports to send',
      annual: 'Annual report to the Ministry of Labour',
      albrecht: 'Monitoring for the Albrecht centre',
      brief: 'Meeting brief',
      download: '%{report} (%{format})',
      year: 'Reporting year',
      failed: 'The report was not made: %{message}',
    },
  },
};
