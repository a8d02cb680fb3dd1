import { activeContraindicationAmong } from './contraindication.js';
import { InteragencyRequest, InteragencySubject } from './interagency-request.entity.js';

const request = (
  answeredOn: string | null,
  contraindicationsPresent: boolean | null,
  subject = InteragencySubject.MEDICAL_CONCLUSION,
) => Object.assign(new InteragencyRequest(), { subject, answeredOn, contraindicationsPresent });

describe('the active medical contraindication (seed 001 §3 д, order 202н)', () => {
  it('follows the latest conclusion answered by the day: a later one without contraindications lifts it', () => {
    const found = request('2026-03-05', true);
    const lifted = request('2026-04-01', false);
    expect(activeContraindicationAmong([found], '2026-03-10')).toBe(found);
    expect(activeContraindicationAmong([found, lifted], '2026-03-31')).toBe(found);
    expect(activeContraindicationAmong([found, lifted], '2026-04-01')).toBeNull();
  });

  it('ignores unanswered requests, answers that did not say, and other subjects', () => {
    expect(
      activeContraindicationAmong(
        [
          request(null, null),
          request('2026-03-05', null),
          request('2026-03-05', true, InteragencySubject.IPRA),
        ],
        '2026-03-10',
      ),
    ).toBeNull();
  });
});
