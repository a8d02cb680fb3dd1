import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type Clock,
  type ConnectionShape,
  isUuid,
  localDateOf,
  NotFoundError,
  type PageRequest,
  paginate,
  ValidationError,
} from '@sl/core';
import { completionDate } from '../accountability/lateness.js';
import { Agency } from '../agency/agency.entity.js';
import { REGION_MESSAGE, REGION_PATTERN } from '../agency/agency.inputs.js';
import { nextDecisionNumber } from '../numbering/references.js';
import { RoadmapItem } from '../roadmap/roadmap.entity.js';
import { CouncilDecision, CouncilMeeting, DecisionStatus } from './council.entity.js';
import type { CouncilMeetingInput, DecisionFilter, DecisionInput } from './council.inputs.js';
import { CouncilDecisionPerson } from './decision-person.entity.js';

/** Open and past due as of `today`: the condition indicators count overdue decisions by. */
export function overdueCondition(today: string): FilterQuery<CouncilDecision> {
  return { status: DecisionStatus.OPEN, dueDate: { $lt: today } };
}

export class CouncilService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return localDateOf(this.clock.now());
  }

  meetings(region: string | undefined, page: PageRequest): Promise<ConnectionShape<CouncilMeeting>> {
    if (region && !REGION_PATTERN.test(region))
      throw new ValidationError(REGION_MESSAGE, 'region', 'REGION_INVALID');
    return paginate(
      this.em,
      CouncilMeeting,
      region ? { region } : {},
      [
        { field: 'heldOn', direction: 'DESC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async meeting(id: string): Promise<CouncilMeeting> {
    const found = isUuid(id) ? await this.em.findOne(CouncilMeeting, { id }) : null;
    if (!found) throw new NotFoundError('Заседание Совета', id);
    return found;
  }

  decisions(filter: DecisionFilter = {}, page: PageRequest = {}): Promise<ConnectionShape<CouncilDecision>> {
    const and: FilterQuery<CouncilDecision>[] = [];
    if (filter.region) and.push({ meeting: { region: filter.region } });
    if (filter.meetingId) and.push({ meeting: filter.meetingId });
    if (filter.assigneeAgencyId) and.push({ assignee: filter.assigneeAgencyId });
    if (filter.status) and.push({ status: filter.status as DecisionStatus });
    if (filter.overdue) and.push(overdueCondition(this.today()));
    return paginate(
      this.em,
      CouncilDecision,
      (and.length ? { $and: and } : {}) as FilterQuery<CouncilDecision>,
      [
        { field: 'dueDate', direction: 'ASC' },
        { field: 'id', direction: 'ASC' },
      ],
      page,
    );
  }

  async createMeeting(input: CouncilMeetingInput): Promise<CouncilMeeting> {
    return this.em.transactional(async (tx) => {
      const protocolNumber = input.protocolNumber?.trim() || null;
      // A decision is named by its protocol ("Протокол № 3, поручение 2"): two protocols of one
      // Council with the same number would make two decisions read the same.
      if (protocolNumber && (await tx.count(CouncilMeeting, { region: input.region, protocolNumber })) > 0)
        throw new ValidationError(
          `Протокол № ${protocolNumber} уже есть у заседания Совета этого региона`,
          'protocolNumber',
          'PROTOCOL_NUMBER_TAKEN',
        );
      const meeting = tx.create(CouncilMeeting, {
        region: input.region,
        heldOn: input.heldOn,
        agenda: input.agenda.trim(),
        attendees: input.attendees.map((a) => a.trim()),
        protocolNumber,
        protocol: input.protocol ?? null,
      });
      for (const decision of input.decisions ?? [])
        await new CouncilService(tx, this.clock).addTo(meeting, decision);
      await tx.flush();
      return meeting;
    });
  }

  async addDecision(meetingId: string, input: DecisionInput): Promise<CouncilDecision> {
    return this.em.transactional(async (tx) => {
      const service = new CouncilService(tx, this.clock);
      const decision = await service.addTo(await service.meeting(meetingId), input);
      await tx.flush();
      return decision;
    });
  }

  private async addTo(meeting: CouncilMeeting, input: DecisionInput): Promise<CouncilDecision> {
    const assignee = await this.em.findOne(Agency, { id: input.assigneeAgencyId });
    if (!assignee || assignee.region !== meeting.region) {
      throw new ValidationError(
        'Ведомство-исполнитель не найдено в справочнике региона',
        'assigneeAgencyId',
        'AGENCY_UNKNOWN',
      );
    }
    if (input.dueDate < meeting.heldOn) {
      throw new ValidationError(
        'Срок поручения не может быть раньше даты заседания',
        'dueDate',
        'DUE_BEFORE_MEETING',
      );
    }
    if (input.peopleIndicator && !input.peopleCount) {
      throw new ValidationError(
        'Укажите, сколько человек касается поручение, чтобы сверять его с показателем',
        'peopleCount',
        'PEOPLE_COUNT_REQUIRED',
      );
    }
    const items = input.itemIds?.length
      ? await this.em.find(RoadmapItem, { id: { $in: input.itemIds } }, { populate: ['roadmap'] })
      : [];
    if (
      items.length !== new Set(input.itemIds ?? []).size ||
      items.some((i) => i.roadmap.region !== meeting.region)
    ) {
      throw new ValidationError(
        'Мероприятие дорожной карты не найдено в регионе заседания',
        'itemIds',
        'ROADMAP_ITEM_UNKNOWN',
      );
    }
    const decision = this.em.create(CouncilDecision, {
      meeting,
      number: await this.numberWithin(meeting, input.number?.trim() || null),
      text: input.text.trim(),
      assignee,
      dueDate: input.dueDate,
      peopleCount: input.peopleCount ?? null,
      peopleIndicator: input.peopleIndicator ?? null,
    });
    for (const item of items) decision.items.add(item);
    [...new Set(input.recipientIds ?? [])].forEach((recipientId, position) => {
      this.em.create(CouncilDecisionPerson, { decision, recipientId, position });
    });
    return decision;
  }

  /**
   * The decision's number within its meeting: as given when no other decision of the meeting has
   * it, the next free whole number when not given (numbers repeat across meetings, never within one).
   */
  private async numberWithin(meeting: CouncilMeeting, given: string | null): Promise<string> {
    const taken = [
      ...(await this.em.find(CouncilDecision, { meeting }, { fields: ['number'] })).map((d) => d.number),
      // decisions of the same meeting created in this transaction, not yet flushed
      ...[...this.em.getUnitOfWork().getPersistStack()]
        .filter((e): e is CouncilDecision => e instanceof CouncilDecision && e.meeting === meeting)
        .map((d) => d.number),
    ];
    if (given === null) return nextDecisionNumber(taken);
    if (taken.includes(given))
      throw new ValidationError(
        `Поручение № ${given} уже есть в этом заседании`,
        'number',
        'DECISION_NUMBER_TAKEN',
      );
    return given;
  }

  /** `doneOn`: the completion date as the person closing gives it (today when not given). */
  async setDecisionStatus(
    id: string,
    status: DecisionStatus,
    note?: string | null,
    doneOn?: string | null,
  ): Promise<CouncilDecision> {
    return this.em.transactional(async (tx) => {
      const decision = isUuid(id)
        ? await tx.findOne(CouncilDecision, { id }, { populate: ['meeting'] })
        : null;
      if (!decision) throw new NotFoundError('Поручение Совета', id);
      decision.status = status;
      decision.doneOn =
        status === DecisionStatus.DONE
          ? completionDate(doneOn, this.today(), 'doneOn', {
              date: decision.meeting.heldOn,
              message: 'Поручение не может быть выполнено раньше заседания, на котором его дали',
            })
          : null;
      decision.doneNote = note?.trim() || null;
      await tx.flush();
      return decision;
    });
  }
}
