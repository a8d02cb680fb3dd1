/**
 * `Recipient.firstName` → "Карточка получателя: Имя". The log stores what the graph read as
 * `Type.field`; an auditor reads it in the screens' own words.
 */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The dashboard resource whose labels name a type's fields. */
const RESOURCE_OF: Record<string, string> = {
  Recipient: 'recipients',
  Assessment: 'assessments',
  Visit: 'visits',
  MedicalConclusion: 'medicalConclusions',
  Enrolment: 'enrolments',
  Placement: 'placements',
  InteragencyRequest: 'interagencyRequests',
  HousingUnit: 'housingUnits',
};

export function fieldLabel(translate: Translate, path: string): string {
  const [type = '', field = ''] = path.split('.');
  const resource = RESOURCE_OF[type];
  for (const key of [
    resource ? `resources.${resource}.fields.${field}` : '',
    `app.audit.fields.${field}`,
    `app.f.${field}`,
  ]) {
    if (!key) continue;
    const label = translate(key, { _: '' });
    if (label) return label;
  }
  return field;
}

export function typeLabel(translate: Translate, type: string): string {
  return translate(`app.audit.types.${type}`, { _: type });
}

/** "Карточка получателя: ФИО, СНИЛС; Медицинское заключение: Организация" */
export function readFields(translate: Translate, fields: string[] | null | undefined): string {
  const byType = new Map<string, string[]>();
  for (const path of fields ?? []) {
    const type = path.split('.')[0] ?? '';
    const labels = byType.get(type) ?? [];
    const label = fieldLabel(translate, path);
    if (!labels.includes(label)) labels.push(label);
    byType.set(type, labels);
  }
  return [...byType.entries()]
    .map(([type, labels]) => `${typeLabel(translate, type)}: ${labels.join(', ')}`)
    .join('; ');
}
