/** Messages of the case's documents and of informing the person (merged into ru.ts / en.ts under `caseDocuments`). */
export const caseDocumentsRu = {
  title: 'Документы дела',
  empty: 'Файлов в деле нет',
  f: {
    file: 'Файл',
    fileName: 'Документ',
    kind: 'Вид документа',
    item: 'Пункт перечня документов (п. 3)',
    uploadedAt: 'Добавлен',
    size: 'Размер',
    uploadedBy: 'Кто добавил',
    no_item: 'Не относится к перечню',
    item_option: 'Заявление от %{date}: %{item}',
    informedOn: 'Дата информирования',
    method: 'Способ',
    letterGenerated: 'Вручено или направлено письмо, сформированное системой',
    note: 'Примечание (номер почтового отправления, адрес почты)',
    informed: 'Информирование',
  },
  size_kb: '%{size} КБ',
  size_mb: '%{size} МБ',
  download: 'Скачать «%{name}»',
  files_of_item: 'файл:',
  not_informed: 'не проинформирован',
  informed: '%{method} %{date}',
  intro: {
    upload:
      'PDF, JPEG, PNG или DOCX. Вид файла проверяется по содержимому, а не по имени. Файл, относящийся к пункту перечня нерассмотренного заявления, отмечает этот документ полученным сегодня.',
    notice:
      'Министерство информирует гражданина о принятом решении (п. 13 Порядка). Дата — не раньше решения (%{date}) и не позже сегодняшней.',
  },
  a: { upload: 'Добавить документ', notice: 'Записать информирование о решении' },
  done: {
    upload: 'Документ «%{name}» добавлен в дело',
    notice: 'Записано: гражданин проинформирован о решении %{date}',
  },
};

export const caseDocumentsEn: typeof caseDocumentsRu = {
  title: 'Documents of the case',
  empty: 'No files in the case',
  f: {
    file: 'File',
    fileName: 'Document',
    kind: 'Kind of document',
    item: 'Checklist item (§3)',
    uploadedAt: 'Added',
    size: 'Size',
    uploadedBy: 'Added by',
    no_item: 'Not a checklist item',
    item_option: 'Application of %{date}: %{item}',
    informedOn: 'Informed on',
    method: 'How',
    letterGenerated: 'The letter the system generated was handed or sent',
    note: 'Note (postal item number, e-mail address)',
    informed: 'Informed',
  },
  size_kb: '%{size} KB',
  size_mb: '%{size} MB',
  download: 'Download “%{name}”',
  files_of_item: 'file:',
  not_informed: 'not informed',
  informed: '%{method} %{date}',
  intro: {
    upload:
      'PDF, JPEG, PNG or DOCX. The type is checked from the content, not the name. A file for an item of an undecided application marks that document received today.',
    notice:
      'The ministry informs the person of its decision (§13 of the procedure). The date is not before the decision (%{date}) nor after today.',
  },
  a: { upload: 'Add a document', notice: 'Record informing of the decision' },
  done: {
    upload: 'Document “%{name}” added to the case',
    notice: 'Recorded: the person was informed of the decision on %{date}',
  },
};
