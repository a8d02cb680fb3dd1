import AccountTreeIcon from '@mui/icons-material/AccountTree';
import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import BusinessIcon from '@mui/icons-material/Business';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import HandshakeIcon from '@mui/icons-material/Handshake';
import HistoryIcon from '@mui/icons-material/History';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import KeyIcon from '@mui/icons-material/Key';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MapIcon from '@mui/icons-material/Map';
import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import SchoolIcon from '@mui/icons-material/School';
import StoreIcon from '@mui/icons-material/Store';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import WorkIcon from '@mui/icons-material/Work';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AccountCreate, AccountEdit, AccountList } from './admin/accounts';
import { ApiClientCreate, ApiClientList } from './admin/apiClients';
import { AgencyList, HousingUnitCreate, HousingUnitEdit, StaffMemberCreate } from './admin/reference';
import { AgencyCreate, AgencyEdit } from './agencies/AgencyForms';
import { AuditEventList } from './audit/AuditEventList';
import { can, granted, graphAuthProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { CouncilHome } from './council/CouncilHome';
import { CouncilMunicipalities } from './council/drilldown/CouncilMunicipalities';
import { CouncilMunicipality } from './council/drilldown/CouncilMunicipality';
import { MeetingMode } from './council/meeting-mode/MeetingMode';
import {
  CouncilDecisionCreate,
  CouncilDecisionList,
  CouncilMeetingCreate,
  CouncilMeetingList,
  CouncilMeetingShow,
} from './council/meetings/CouncilMeetings';
import { graphDataProvider } from './data/dataProvider';
import { client } from './graphql/client';
import { i18nProvider } from './i18n/i18nProvider';
import { Home } from './layout/Home';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { ministryResources } from './ministries/resources';
import { ChangePassword } from './password/ChangePassword';
import { AssessmentList } from './resources/assessments/AssessmentList';
import { DeadlineList } from './resources/deadlines/DeadlineList';
import { EmployerCreate, EmployerList, VacancyCreate, VacancyList } from './resources/employment';
import { EnrolmentList } from './resources/enrolments/EnrolmentList';
import { HousingUnitList } from './resources/housing/HousingUnitList';
import { MedicalConclusionList } from './resources/medical-conclusions/MedicalConclusionList';
import { ObligationList } from './resources/obligations/ObligationList';
import { PlacementList } from './resources/placements/PlacementList';
import { ProviderCreate, ProviderEdit } from './resources/providers/ProviderForm';
import { ProviderList } from './resources/providers/ProviderList';
import { RecipientCreate, RecipientEdit, RecipientList, RecipientShow } from './resources/recipients';
import {
  AssessmentCreate,
  EnrolmentCreate,
  GuidanceSessionCreate,
  InteragencyAnswerCreate,
  InteragencyRequestList,
  MedicalConclusionCreate,
  PlacementCreate,
  PmpkRecommendationCreate,
  VisitCreate,
  VisitOutcomeCreate,
} from './resources/records';
import { RoadmapList } from './resources/roadmaps/RoadmapList';
import {
  ObligationShow,
  ProgressReportCreate,
  RoadmapImport,
  RoadmapShow,
} from './resources/roadmaps/roadmaps';
import { StaffMemberList } from './resources/staff/StaffMemberList';
import { VisitList } from './resources/visits/VisitList';

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
      loginPage={LoginPage}
      dashboard={Home}
      requireAuth
      disableTelemetry
    >
      {(roles: string[] = []) => {
        const cases = can.cases(roles);
        const coordinator = roles.includes('COORDINATOR');
        const write = can.writeCases(roles);
        const has = (role: string) => roles.includes(role);
        const progress = can.progress(roles);
        return [
          // Every user may change their own password (and one whose password was reset must).
          <CustomRoutes key="password">
            <Route path="/password" element={<ChangePassword />} />
          </CustomRoutes>,
          // The Council's page stays reachable for its secretariat, whose home is their own work.
          can.council(roles) && (
            <CustomRoutes key="council">
              <Route path="/council" element={<CouncilHome />} />
              <Route path="/council/municipalities" element={<CouncilMunicipalities />} />
              <Route path="/council/municipalities/:name" element={<CouncilMunicipality />} />
            </CustomRoutes>
          ),
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
          (coordinator || has('HEALTH_OFFICER')) && (
            <Resource
              key="interagencyRequests"
              name="interagencyRequests"
              icon={QuestionAnswerIcon}
              list={InteragencyRequestList}
            />
          ),
          (cases || can.reference(roles)) && (
            <Resource
              key="providers"
              name="providers"
              icon={BusinessIcon}
              list={ProviderList}
              {...(coordinator ? { create: ProviderCreate, edit: ProviderEdit } : {})}
            />
          ),
          (cases || can.reference(roles)) && (
            <Resource
              key="housingUnits"
              name="housingUnits"
              icon={HomeWorkIcon}
              list={HousingUnitList}
              {...(granted(roles, 'REFERENCE_WRITE')
                ? { create: HousingUnitCreate, edit: HousingUnitEdit }
                : {})}
            />
          ),
          write && (
            <Resource
              key="staffMembers"
              name="staffMembers"
              icon={PersonIcon}
              list={StaffMemberList}
              create={StaffMemberCreate}
            />
          ),
          cases && (
            <Resource
              key="employers"
              name="employers"
              icon={StoreIcon}
              list={EmployerList}
              {...(has('EMPLOYMENT_OFFICER') ? { create: EmployerCreate } : {})}
              recordRepresentation="name"
            />
          ),
          cases && (
            <Resource
              key="vacancies"
              name="vacancies"
              icon={WorkIcon}
              list={VacancyList}
              {...(has('EMPLOYMENT_OFFICER') ? { create: VacancyCreate } : {})}
            />
          ),
          can.roadmaps(roles) && (
            <Resource
              key="roadmaps"
              name="roadmaps"
              icon={MapIcon}
              list={RoadmapList}
              show={RoadmapShow}
              {...(coordinator ? { create: RoadmapImport } : {})}
            />
          ),
          can.roadmaps(roles) && (
            <Resource
              key="obligations"
              name="obligations"
              icon={ListAltIcon}
              list={ObligationList}
              show={ObligationShow}
            />
          ),
          progress && <Resource key="progressReports" name="progressReports" create={ProgressReportCreate} />,
          granted(roles, 'CASE') && (
            <Resource
              key="assessments"
              name="assessments"
              icon={FactCheckIcon}
              list={AssessmentList}
              {...(granted(roles, 'CASE_WRITE') ? { create: AssessmentCreate } : {})}
            />
          ),
          granted(roles, 'SERVICE') && (
            <Resource
              key="visits"
              name="visits"
              icon={EventAvailableIcon}
              list={VisitList}
              {...(write ? { create: VisitCreate } : {})}
            />
          ),
          write && <Resource key="visitOutcomes" name="visitOutcomes" create={VisitOutcomeCreate} />,
          granted(roles, 'HEALTH_WRITE') && (
            <Resource key="interagencyAnswers" name="interagencyAnswers" create={InteragencyAnswerCreate} />
          ),
          granted(roles, 'EDUCATION_WRITE') && (
            <Resource key="guidanceSessions" name="guidanceSessions" create={GuidanceSessionCreate} />
          ),
          granted(roles, 'HEALTH_WRITE') && (
            <Resource
              key="medicalConclusions"
              name="medicalConclusions"
              icon={MedicalServicesIcon}
              list={MedicalConclusionList}
              create={MedicalConclusionCreate}
            />
          ),
          granted(roles, 'EDUCATION') && (
            <Resource
              key="enrolments"
              name="enrolments"
              icon={SchoolIcon}
              list={EnrolmentList}
              {...(granted(roles, 'EDUCATION_WRITE') ? { create: EnrolmentCreate } : {})}
            />
          ),
          has('EDUCATION_OFFICER') && (
            <Resource
              key="pmpkRecommendations"
              name="pmpkRecommendations"
              create={PmpkRecommendationCreate}
            />
          ),
          granted(roles, 'EMPLOYMENT') && (
            <Resource
              key="placements"
              name="placements"
              icon={HandshakeIcon}
              list={PlacementList}
              {...(granted(roles, 'EMPLOYMENT_WRITE') ? { create: PlacementCreate } : {})}
            />
          ),
          can.roadmaps(roles) && (
            <Resource
              key="councilMeetings"
              name="councilMeetings"
              icon={GavelIcon}
              list={CouncilMeetingList}
              show={CouncilMeetingShow}
              {...(can.councilMeetings(roles) ? { create: CouncilMeetingCreate } : {})}
            />
          ),
          can.roadmaps(roles) && (
            <Resource
              key="councilDecisions"
              name="councilDecisions"
              icon={TaskAltIcon}
              list={CouncilDecisionList}
              {...(can.councilMeetings(roles) ? { create: CouncilDecisionCreate } : {})}
            />
          ),
          can.roadmaps(roles) && (
            <CustomRoutes key="meeting" noLayout>
              <Route path="/meeting" element={<MeetingMode />} />
            </CustomRoutes>
          ),
          can.reference(roles) && (
            <Resource
              key="agencies"
              name="agencies"
              icon={AccountTreeIcon}
              list={AgencyList}
              {...(can.admin(roles) ? { create: AgencyCreate, edit: AgencyEdit } : {})}
            />
          ),
          can.audit(roles) && (
            <Resource key="auditEvents" name="auditEvents" icon={HistoryIcon} list={AuditEventList} />
          ),
          can.admin(roles) && (
            <Resource
              key="accounts"
              name="accounts"
              icon={PeopleIcon}
              list={AccountList}
              create={AccountCreate}
              edit={AccountEdit}
            />
          ),
          can.admin(roles) && (
            <Resource
              key="apiClients"
              name="apiClients"
              icon={KeyIcon}
              list={ApiClientList}
              create={ApiClientCreate}
            />
          ),
          ...ministryResources(roles),
        ].filter(Boolean);
      }}
    </Admin>
  );
}
