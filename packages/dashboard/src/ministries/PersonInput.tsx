import { FormDataConsumer, TextInput, useTranslate } from 'react-admin';

/**
 * Whom a record is about, read-only: the person's name when the link that opened the form gave it
 * (`recipientName`), the id only when it did not. The id itself stays in the form's values.
 */
export function PersonInput() {
  const translate = useTranslate();
  return (
    <FormDataConsumer<{ recipientName?: string }>>
      {({ formData }) => (
        <TextInput
          source={formData.recipientName ? 'recipientName' : 'recipientId'}
          readOnly
          label={translate('resources.recipients.name', { smart_count: 1 })}
          helperText={false}
          fullWidth
        />
      )}
    </FormDataConsumer>
  );
}
