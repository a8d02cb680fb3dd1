import { FormDataConsumer, TextInput, useGetOne, useTranslate } from 'react-admin';
import { fullName } from '../case/format';

/** The person's id as the form's value, shown as their name (read from the graph), never the id. */
function NamedPerson({ id }: { id: string | undefined }) {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: string; lastName: string; firstName: string; patronymic: string | null }>(
    'recipients',
    { id: id ?? '' },
    { enabled: Boolean(id) },
  );
  return (
    <TextInput
      source="recipientId"
      readOnly
      label={translate('resources.recipients.name', { smart_count: 1 })}
      helperText={false}
      fullWidth
      format={() => fullName(data)}
    />
  );
}

/**
 * Whom a record is about, read-only: the person's name when the link that opened the form gave it
 * (`recipientName`), else read by id. The id itself stays in the form's values.
 */
export function PersonInput() {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ recipientName?: string; recipientId?: string }>>
      {({ formData }) =>
        formData.recipientName ? (
          <TextInput
            source="recipientName"
            readOnly
            label={translate('resources.recipients.name', { smart_count: 1 })}
            helperText={false}
            fullWidth
          />
        ) : (
          <NamedPerson id={formData.recipientId} />
        )
      }
    </FormDataConsumer>
  );
}
