import { useTranslate } from 'react-admin';
import type { CaseTermination } from '../caseData';
import { AnnulRecord } from './AnnulRecord';

/**
 * Annuls a wrong termination: the grant is in force again and the stage it closed is current again;
 * the housing place and the plan are set up anew with their own steps.
 */
export function AnnulTermination({ termination, date }: { termination: CaseTermination; date: string }) {
  const translate = useTranslate();
  return (
    <AnnulRecord
      mutation="annulTermination"
      inputType="AnnulTerminationInput"
      idField="terminationId"
      id={termination.id}
      title={translate('case.annul.termination_title', { date })}
      intro={translate('case.annul.termination_intro')}
      done={translate('case.annul.termination_done', { date })}
    />
  );
}
