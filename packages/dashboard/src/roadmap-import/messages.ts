/** The import preview's comparison with the stored version of the roadmap. */
export const roadmapImportRu = {
  app: {
    roadmap_import: {
      changes_title: 'Изменения по сравнению с версией %{version}',
      new_roadmap: 'Новая дорожная карта: все мероприятия будут добавлены',
      no_changes: 'Документ не отличается от сохранённой версии %{version}: импорт ничего не изменит',
      counts: 'Добавлено: %{created}, изменено: %{updated}, исключено: %{withdrawn}',
      change: 'Изменение',
      what: 'Что изменилось',
      kind: { CREATED: 'Новое', CHANGED: 'Изменено', WITHDRAWN: 'Исключено' },
      field: {
        number: 'номер',
        measure: 'мероприятие',
        deadline: 'срок',
        executors: 'исполнители',
        documentType: 'вид документа',
        problem: 'проблема',
        expectedResult: 'ожидаемый результат',
        targets: 'целевые показатели',
        footnotes: 'сноски',
        withdrawn: 'снова в документе',
      },
      listed_agencies:
        'Список сокращений документа добавит в справочник ведомств: %{smart_count} запись |||| Список сокращений документа добавит в справочник ведомств: %{smart_count} записи |||| Список сокращений документа добавит в справочник ведомств: %{smart_count} записей',
    },
  },
};

export const roadmapImportEn = {
  app: {
    roadmap_import: {
      changes_title: 'Changes against version %{version}',
      new_roadmap: 'A new roadmap: every item will be added',
      no_changes: 'The document is the same as stored version %{version}: importing changes nothing',
      counts: 'Added: %{created}, changed: %{updated}, withdrawn: %{withdrawn}',
      change: 'Change',
      what: 'What changed',
      kind: { CREATED: 'New', CHANGED: 'Changed', WITHDRAWN: 'Withdrawn' },
      field: {
        number: 'number',
        measure: 'measure',
        deadline: 'deadline',
        executors: 'executors',
        documentType: 'document type',
        problem: 'problem',
        expectedResult: 'expected result',
        targets: 'targets',
        footnotes: 'footnotes',
        withdrawn: 'back in the document',
      },
      listed_agencies:
        'The document’s list of abbreviations adds %{smart_count} agency to the directory |||| The document’s list of abbreviations adds %{smart_count} agencies to the directory',
    },
  },
};
