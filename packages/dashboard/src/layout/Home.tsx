import { Card, CardContent, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { can } from '../auth/authProvider';
import { CouncilHome } from '../council/CouncilHome';
import { MinistryHome } from '../workqueue/MinistryHome';
import { ProviderHome } from '../workqueue/ProviderHome';
import { WorkQueue } from '../workqueue/WorkQueue';

/**
 * Each role's own work first: the coordinator's queue, a ministry officer's requests, provider
 * staff's visits; the Council's page for those who follow the roadmap; a greeting for the others.
 */
export function Home() {
  const { permissions = [], isPending } = usePermissions<string[]>();
  const translate = useTranslate();
  if (isPending) return null;
  if (permissions.includes('COORDINATOR')) return <WorkQueue />;
  if (['HEALTH_OFFICER', 'EDUCATION_OFFICER', 'EMPLOYMENT_OFFICER'].some((r) => permissions.includes(r)))
    return <MinistryHome />;
  if (permissions.includes('PROVIDER_STAFF')) return <ProviderHome />;
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
