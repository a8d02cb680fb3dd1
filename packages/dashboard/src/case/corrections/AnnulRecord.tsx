import { required, TextInput, useTranslate } from 'react-admin';
import { ActionDialog } from '../ActionDialog';

/**
 * Annuls a wrong record of the case with its reason (only the case's coordinator may; the server
 * says so to anyone else). The record stays in the case, marked; `input` names the record for the
 * mutation, and the server's complaints about that id land on the reason, the form's one field.
 */
export function AnnulRecord({
  mutation,
  inputType,
  idField,
  id,
  title,
  intro,
  done,
}: {
  mutation: 'annulAssessment' | 'annulDecision' | 'annulTermination';
  inputType: string;
  idField: string;
  id: string;
  title: string;
  intro: string;
  done: string;
}) {
  const translate = useTranslate();
  return (
    <ActionDialog
      label="case.a.annul"
      title={title}
      document={`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id } }`}
      intro={intro}
      variables={(v) => ({ input: { [idField]: id, reason: v.reason } })}
      fieldOf={{ [idField]: 'reason' }}
      color="error"
      done={() => done}
    >
      <TextInput
        source="reason"
        label={translate('case.annul.reason')}
        validate={required()}
        multiline
        fullWidth
      />
    </ActionDialog>
  );
}
