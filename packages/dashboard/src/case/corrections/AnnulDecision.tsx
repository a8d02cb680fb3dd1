import { useTranslate } from 'react-admin';
import type { CaseApplication } from '../caseData';
import { AnnulRecord } from './AnnulRecord';

/**
 * Annuls a wrong decision on an application; an annulled grant ends what it allowed (the stage,
 * the housing place, the plan), and the summary then offers a new application for the correct one.
 */
export function AnnulDecision({ application, date }: { application: CaseApplication; date: string }) {
  const translate = useTranslate();
  return (
    <AnnulRecord
      mutation="annulDecision"
      inputType="AnnulDecisionInput"
      idField="applicationId"
      id={application.id}
      title={translate('case.annul.decision_title', { date })}
      intro={translate(
        application.decision === 'GRANTED' ? 'case.annul.decision_intro_grant' : 'case.annul.decision_intro',
      )}
      done={translate('case.annul.decision_done', { date })}
    />
  );
}
