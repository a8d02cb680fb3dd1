import LockResetIcon from '@mui/icons-material/LockReset';
import {
  Alert,
  Card,
  CardContent,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Stack,
  Typography,
} from '@mui/material';
import { forwardRef } from 'react';
import {
  Form,
  PasswordInput,
  required,
  SaveButton,
  Title,
  useNotify,
  useRedirect,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { runMutation } from '../actions/ActionDialog';
import { readSession, writeSession } from '../auth/session';

const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { id mustChangePassword } }`;

interface Values {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/**
 * The user's own change of password, also where a user whose password an administrator reset is
 * sent after signing in: the server's reasons (wrong current password, a weak new one) appear
 * under their fields.
 */
export function ChangePassword() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const forced = readSession()?.mustChangePassword === true;
  const submit = async (values: Partial<Values>) => {
    if (values.newPassword !== values.repeatPassword) {
      return { repeatPassword: translate('app.password.mismatch') };
    }
    const answer = await runMutation(CHANGE, {
      input: { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' },
    });
    if (answer.message) {
      const fields = answer.fields ?? {};
      return Object.keys(fields).length > 0 ? fields : { currentPassword: answer.message };
    }
    const session = readSession();
    if (session) writeSession({ ...session, mustChangePassword: false });
    notify('app.password.changed', { type: 'success' });
    redirect('/');
    return undefined;
  };
  return (
    <Card sx={{ maxWidth: 560, mt: 2 }}>
      <Title title="app.password.title" />
      <CardContent>
        <Stack spacing={2}>
          {forced && (
            <Alert severity="warning" role="alert">
              {translate('app.password.forced')}
            </Alert>
          )}
          <Typography variant="body2">{translate('app.password.advice')}</Typography>
          <Form
            onSubmit={submit}
            defaultValues={{ currentPassword: '', newPassword: '', repeatPassword: '' }}
          >
            <PasswordInput
              source="currentPassword"
              label="app.password.current"
              validate={required()}
              autoComplete="current-password"
              fullWidth
              autoFocus
            />
            <PasswordInput
              source="newPassword"
              label="app.password.new"
              validate={required()}
              autoComplete="new-password"
              fullWidth
            />
            <PasswordInput
              source="repeatPassword"
              label="app.password.repeat"
              validate={required()}
              autoComplete="new-password"
              fullWidth
            />
            <SaveButton label="app.password.save" icon={<LockResetIcon />} alwaysEnable />
          </Form>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** "Сменить пароль" in the user menu. */
export const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>(
  function ChangePasswordMenuItem(props, ref) {
    const translate = useTranslate();
    const menu = useUserMenu();
    return (
      <MenuItem component={Link} to="/password" ref={ref} onClick={() => menu?.onClose()} {...props}>
        <ListItemIcon>
          <LockResetIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.password.menu')}</ListItemText>
      </MenuItem>
    );
  },
);
