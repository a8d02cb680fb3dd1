import { Card, CardContent, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { CouncilHome } from '../council/CouncilHome';

/** The Council's page for those who follow the roadmap; a short greeting for the others. */
export function Home() {
  const { permissions = [], isPending } = usePermissions<string[]>();
  const translate = useTranslate();
  if (isPending) return null;
  if (can.council(permissions)) return <CouncilHome />;
  return (
    <Card>
      <Title title="app.title" />
      <CardContent>
        <Typography component="h2" variant="h5">
          {translate('app.title')}
        </Typography>
      </CardContent>
    </Card>
  );
}
