import { FormDataConsumer, TextInput } from 'react-admin';

/**
 * Whom a record is about, read-only: the person's name when the link that opened the form gave it
 * (`recipientName`), the id only when it did not. The id itself stays in the form's values.
 */
export function PersonInput() {
  return (
    <FormDataConsumer<{ recipientName?: string }>>
      {({ formData }) => (
        <TextInput
          source={formData.recipientName ? 'recipientName' : 'recipientId'}
          readOnly
          label="resources.recipients.name"
          helperText={false}
          fullWidth
        />
      )}
    </FormDataConsumer>
  );
}
