import { required, TextInput, useTranslate } from 'react-admin';
import { ActionDialog } from '../ActionDialog';
import type { CaseRecord } from '../caseData';

type Assessment = NonNullable<CaseRecord['assessments']>[number];

/**
 * Annuls a wrong assessment with its reason (only the case's coordinator may; the server says so
 * to anyone else). The assessment stays in the case, marked; a correct one is recorded anew with
 * the "Оценка нуждаемости" step the summary then offers.
 */
export function AnnulAssessment({ assessment, date }: { assessment: Assessment; date: string }) {
  const translate = useTranslate();
  return (
    <ActionDialog
      label="case.a.annul"
      title={translate('case.annul.title', { date })}
      document={`mutation ($input: AnnulAssessmentInput!) { annulAssessment(input: $input) { id annulledAt } }`}
      intro={translate('case.annul.intro', { score: assessment.score })}
      variables={(v) => ({ input: { assessmentId: assessment.id, reason: v.reason } })}
      fieldOf={{ assessmentId: 'reason' }}
      color="error"
      done={() => translate('case.annul.done', { date })}
    >
      <TextInput source="reason" label="case.annul.reason" validate={required()} multiline fullWidth />
    </ActionDialog>
  );
}
