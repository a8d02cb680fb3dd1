import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import BusinessIcon from '@mui/icons-material/Business';
import GavelIcon from '@mui/icons-material/Gavel';
import HistoryIcon from '@mui/icons-material/History';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import KeyIcon from '@mui/icons-material/Key';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MapIcon from '@mui/icons-material/Map';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import { Admin, Resource } from 'react-admin';
import { can, graphAuthProvider } from './auth/authProvider';
import { graphDataProvider } from './data/dataProvider';
import { client } from './graphql/client';
import { i18nProvider } from './i18n/i18nProvider';
import { Home } from './layout/Home';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import {
  AccountList,
  ApiClientList,
  AuditEventList,
  CouncilMeetingList,
  DeadlineList,
  HousingUnitList,
  ObligationList,
  ProviderCreate,
  ProviderEdit,
  ProviderList,
  RoadmapList,
  StaffMemberList,
} from './resources/lists';
import { RecipientCreate, RecipientEdit, RecipientList, RecipientShow } from './resources/recipients';

const dataProvider = graphDataProvider(client);
const authProvider = graphAuthProvider(client);

/** Menus follow roles: what the graph would refuse is not offered. */
export function App() {
  return (
    <Admin
      title="Сопровождаемое проживание"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      layout={Layout}
      dashboard={Home}
      requireAuth
      disableTelemetry
    >
      {(roles: string[] = []) => {
        const cases = can.cases(roles);
        const coordinator = roles.includes('COORDINATOR');
        const write = can.writeCases(roles);
        return [
          cases && (
            <Resource
              key="recipients"
              name="recipients"
              icon={PeopleIcon}
              list={RecipientList}
              show={RecipientShow}
              {...(write ? { create: RecipientCreate, edit: RecipientEdit } : {})}
              recordRepresentation={(r) => `${r.lastName} ${r.firstName}`}
            />
          ),
          coordinator && (
            <Resource key="deadlines" name="deadlines" icon={AssignmentLateIcon} list={DeadlineList} />
          ),
          cases && (
            <Resource
              key="providers"
              name="providers"
              icon={BusinessIcon}
              list={ProviderList}
              {...(coordinator ? { create: ProviderCreate, edit: ProviderEdit } : {})}
            />
          ),
          cases && (
            <Resource key="housingUnits" name="housingUnits" icon={HomeWorkIcon} list={HousingUnitList} />
          ),
          write && (
            <Resource key="staffMembers" name="staffMembers" icon={PersonIcon} list={StaffMemberList} />
          ),
          coordinator && <Resource key="roadmaps" name="roadmaps" icon={MapIcon} list={RoadmapList} />,
          coordinator && (
            <Resource key="obligations" name="obligations" icon={ListAltIcon} list={ObligationList} />
          ),
          coordinator && (
            <Resource
              key="councilMeetings"
              name="councilMeetings"
              icon={GavelIcon}
              list={CouncilMeetingList}
            />
          ),
          can.audit(roles) && (
            <Resource key="auditEvents" name="auditEvents" icon={HistoryIcon} list={AuditEventList} />
          ),
          can.admin(roles) && (
            <Resource key="accounts" name="accounts" icon={PeopleIcon} list={AccountList} />
          ),
          can.admin(roles) && (
            <Resource key="apiClients" name="apiClients" icon={KeyIcon} list={ApiClientList} />
          ),
        ].filter(Boolean);
      }}
    </Admin>
  );
}
