// The nine questions of the satisfaction survey (PermenPANRB 14/2017) as
// radio groups with big targets, and the respondent's optional profile:
// staff entering a paper form and an applicant answering online fill the same.
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import type { SkmInstrument } from './types.js';

const PROFILE = {
  gender: ['male', 'female'],
  ageBand: ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'],
  education: ['none', 'sd', 'smp', 'sma', 'diploma', 's1', 's2_plus'],
  occupation: ['pns', 'tni_polri', 'private', 'self_employed', 'student', 'other'],
} as const;
type ProfileField = keyof typeof PROFILE;
export type SkmProfile = Partial<Record<ProfileField, string>>;

export function SkmQuestions({ instrument, answers, profile, onAnswers, onProfile }: {
  instrument: SkmInstrument;
  answers: Record<string, number>;
  profile: SkmProfile;
  onAnswers: (answers: Record<string, number>) => void;
  onProfile: (profile: SkmProfile) => void;
}) {
  const { t } = useI18n();
  const scaleLabel = (value: number) => instrument.scale.find((s) => s.value === value)?.label ?? String(value);
  return (
    <>
      {instrument.elements.map((el) => (
        <fieldset key={el.code} className="skm-question">
          <legend><strong>{el.code}. {el.name}</strong>{el.question && <div className="small">{el.question}</div>}</legend>
          {[1, 2, 3, 4].map((v) => (
            <label key={v} className="skm-choice">
              <input type="radio" name={el.code} value={v} checked={answers[el.code] === v} onChange={() => onAnswers({ ...answers, [el.code]: v })} />
              {' '}{v}. {el.answers?.[v - 1] ?? scaleLabel(v)}
            </label>
          ))}
        </fieldset>
      ))}
      <p className="small muted">{t('layanan.skm.blankNote')}</p>
      <details>
        <summary>{t('layanan.skm.profile')}</summary>
        {(Object.keys(PROFILE) as ProfileField[]).map((field) => (
          <div className="field" key={field}><label htmlFor={`skm-${field}`}>{t(`layanan.skm.profile.${field}`)}</label>
            <select id={`skm-${field}`} value={profile[field] ?? ''} onChange={(e) => onProfile({ ...profile, [field]: e.target.value || undefined })}>
              <option value="">{t('layanan.skm.notGiven')}</option>
              {(PROFILE[field] as readonly string[]).map((v) => <option key={v} value={v}>{t(`layanan.skm.${field}.${v}` as MessageKey)}</option>)}
            </select></div>
        ))}
      </details>
    </>
  );
}
