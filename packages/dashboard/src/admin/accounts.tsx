import { Chip, Stack } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  CheckboxGroupInput,
  Create,
  Datagrid,
  Edit,
  FormDataConsumer,
  FunctionField,
  List,
  PasswordInput,
  required,
  SimpleForm,
  TextField,
  TextInput,
  useGetIdentity,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionButton, runMutation } from '../actions/ActionDialog';
import { ListActions } from '../export/ListActions';
import { DateText, ENUMS, EnumText, enumChoices } from '../resources/common';
import { matchName, useAgencies, useProviders } from './choices';

interface AccountRecord {
  id: string;
  login: string;
  displayName: string;
  roles: string[];
  agencyId: string | null;
  active: boolean;
  lockedUntil: string | null;
}

const ACCOUNT =
  'id login displayName roles agencyId providerId active lockedUntil createdAt mustChangePassword';

function RoleChoices() {
  const translate = useTranslate();
  return (
    <CheckboxGroupInput
      source="roles"
      choices={enumChoices(translate, 'Role', ENUMS.Role)}
      validate={required()}
      row={false}
    />
  );
}

function AgencyInput() {
  const { choices } = useAgencies();
  return <AutocompleteInput source="agencyId" choices={choices} matchSuggestion={matchName} fullWidth />;
}

/** A provider's staff work for one provider: the picker appears once that role is ticked. */
function ProviderInput() {
  const choices = useProviders();
  return (
    <FormDataConsumer<{ roles?: string[] }>>
      {({ formData }) =>
        formData.roles?.includes('PROVIDER_STAFF') ? (
          <AutocompleteInput source="providerId" choices={choices} matchSuggestion={matchName} fullWidth />
        ) : null
      }
    </FormDataConsumer>
  );
}

export function AccountCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ roles: [] }}>
        <TextInput
          source="login"
          validate={required()}
          helperText="app.admin.login_help"
          autoComplete="off"
        />
        <TextInput source="displayName" validate={required()} fullWidth />
        <PasswordInput
          source="password"
          validate={required()}
          helperText="app.admin.password_help"
          autoComplete="new-password"
        />
        <RoleChoices />
        <AgencyInput />
        <ProviderInput />
      </SimpleForm>
    </Create>
  );
}

export function AccountEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <TextField source="login" component="p" />
        <TextInput source="displayName" validate={required()} fullWidth />
        <RoleChoices />
        <AgencyInput />
        <ProviderInput />
      </SimpleForm>
    </Edit>
  );
}

function AccountActions() {
  const record = useRecordContext<AccountRecord>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  const locked = record.lockedUntil !== null && new Date(record.lockedUntil) > new Date();
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {record.active ? (
        identity?.id !== record.id && (
          <ActionButton
            label="app.admin.deactivate"
            title="app.admin.deactivate_title"
            text={record.displayName}
            color="error"
            onConfirm={() =>
              runMutation(`mutation ($id: ID!) { setAccountActive(id: $id, active: false) { ${ACCOUNT} } }`, {
                id: record.id,
              })
            }
          />
        )
      ) : (
        <ActionButton
          label="app.admin.activate"
          title="app.admin.activate_title"
          text={record.displayName}
          onConfirm={() =>
            runMutation(`mutation ($id: ID!) { setAccountActive(id: $id, active: true) { ${ACCOUNT} } }`, {
              id: record.id,
            })
          }
        />
      )}
      {identity?.id !== record.id && (
        <ActionButton
          label="app.password.reset"
          title="app.password.reset_title"
          text={record.displayName}
          fields={[
            { name: 'newPassword', label: 'app.password.temporary', type: 'password', required: true },
          ]}
          done="app.password.reset_done"
          onConfirm={({ newPassword }) =>
            runMutation(
              `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ${ACCOUNT} } }`,
              { input: { id: record.id, newPassword } },
            )
          }
        />
      )}
      {locked && (
        <ActionButton
          label="app.admin.unlock"
          title="app.admin.unlock_title"
          text={record.displayName}
          onConfirm={() =>
            runMutation(`mutation ($id: ID!) { unlockAccount(id: $id) { ${ACCOUNT} } }`, { id: record.id })
          }
        />
      )}
    </Stack>
  );
}

export function AccountList() {
  const translate = useTranslate();
  const { nameOf } = useAgencies();
  return (
    <List
      exporter={false}
      actions={
        <ListActions
          columns={[
            { source: 'login', label: translate('resources.accounts.fields.login') },
            { source: 'displayName', label: translate('resources.accounts.fields.displayName') },
            { source: 'roles', label: translate('resources.accounts.fields.roles'), enumName: 'Role' },
            {
              source: 'agencyId',
              label: translate('resources.accounts.fields.agencyId'),
              render: (r) => nameOf(r.agencyId),
            },
            { source: 'active', label: translate('resources.accounts.fields.active') },
            { source: 'createdAt', label: translate('resources.accounts.fields.createdAt') },
          ]}
        />
      }
    >
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <TextField source="login" sortable={false} />
        <TextField source="displayName" sortable={false} />
        <EnumText source="roles" enumName="Role" label="resources.accounts.fields.roles" sortable={false} />
        <FunctionField
          label="resources.accounts.fields.agencyId"
          render={(r: AccountRecord) => nameOf(r.agencyId)}
        />
        <FunctionField
          label="resources.accounts.fields.active"
          render={(r: AccountRecord) => (
            <Stack direction="row" spacing={1}>
              <BooleanField source="active" record={r} />
              {r.lockedUntil && new Date(r.lockedUntil) > new Date() && (
                // MUI's warning colour gives white text 3:1; a dark brown on pale orange reads at 4.5:1 and more.
                <Chip
                  size="small"
                  sx={{ bgcolor: '#fff3e0', color: '#7a3e00' }}
                  label={translate('app.admin.locked')}
                />
              )}
            </Stack>
          )}
        />
        <DateText source="createdAt" label="resources.accounts.fields.createdAt" />
        <AccountActions />
      </Datagrid>
    </List>
  );
}
