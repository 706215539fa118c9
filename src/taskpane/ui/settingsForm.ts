/**
 * The settings form: a field for every choice of the analysis, beside the conversation. It shows
 * what the session holds after every answer, and sends each change as the Command the same words
 * typed would be understood as (formCommands), so the session answers and records it like a
 * typed turn. Typed fields (numbers, dates) are sent when focus leaves them (the age band and the
 * dates as a pair) or on Enter; boxes, buttons and lists when they change. The form is disabled
 * while a turn runs, and focus goes back to the field afterwards.
 */
import type { Command } from '../../conversation/commands';
import type { SchoolPhase } from '../../core/types';
import type { OffenceTypeCount, ParametersJson } from '../protocol';
import { byId, element } from './dom';
import {
  commandLabel,
  formCommand,
  offenceRuleOf,
  percent,
  type FormField,
  type FormValues,
  type OffenceRule,
} from './formCommands';

export interface SettingsForm {
  /** The session's choices; `offenceTypes` undefined keeps the list of types shown. */
  show(parameters: ParametersJson, offenceTypes?: readonly OffenceTypeCount[] | null): void;
  setBusy(busy: boolean): void;
}

const key = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
/** A chosen entry the sheet's list does not hold: the default groups' token or a group id ('criminalDamageAndArson'), in words. */
const entryLabel = (entry: string): string =>
  key(entry) === 'violence'
    ? 'Violence (the Home Office groups)'
    : entry.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());

export function createSettingsForm(
  root: Document,
  onCommand: (command: Command, shownAs: string) => void,
): SettingsForm {
  const form = byId(root, 'settings-form', HTMLFormElement);
  const fields = byId(root, 'settings-fields', HTMLFieldSetElement);
  const ageFrom = byId(root, 'setting-age-from', HTMLInputElement);
  const ageTo = byId(root, 'setting-age-to', HTMLInputElement);
  const offenceTypes = byId(root, 'setting-offence-types', HTMLSelectElement);
  const offenceNote = byId(root, 'offence-types-note', HTMLParagraphElement);
  const applyTypes = byId(root, 'apply-offence-types', HTMLButtonElement);
  const dateFrom = byId(root, 'setting-date-from', HTMLInputElement);
  const dateTo = byId(root, 'setting-date-to', HTMLInputElement);
  const threshold = byId(root, 'setting-threshold', HTMLInputElement);
  const zeros = byId(root, 'setting-zeros', HTMLInputElement);
  const rounding = byId(root, 'setting-rounding', HTMLSelectElement);
  const disclosure = byId(root, 'setting-disclosure', HTMLSelectElement);
  const metric = byId(root, 'setting-metric', HTMLSelectElement);
  const catchment = byId(root, 'setting-catchment', HTMLSelectElement);
  const confidence = byId(root, 'setting-confidence', HTMLSelectElement);
  const topN = byId(root, 'setting-top-n', HTMLInputElement);
  const smoothing = byId(root, 'setting-smoothing', HTMLSelectElement);
  const flags = byId(root, 'setting-flags', HTMLSelectElement);
  const attending = byId(root, 'setting-attending', HTMLInputElement);
  const seed = byId(root, 'setting-seed', HTMLInputElement);
  const protection = byId(root, 'setting-protection', HTMLInputElement);
  const ruleButtons = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="offence-rule"]'));
  const phaseBoxes = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="phase"]'));

  let current: ParametersJson | null = null;
  /** The offences sheet's types; undefined until the worker has read a workbook. */
  let sheetTypes: readonly OffenceTypeCount[] | null | undefined;
  let busy = false;
  /** The control whose change was sent, to be focused again once the answer is shown. */
  let returnFocus: HTMLElement | null = null;

  /** Typed fields and the part of the form each belongs to; leaving a part sends it. */
  const typed = new Map<HTMLInputElement, FormField>([
    [ageFrom, 'ages'],
    [ageTo, 'ages'],
    [dateFrom, 'dates'],
    [dateTo, 'dates'],
    [threshold, 'threshold'],
    [topN, 'topN'],
    [seed, 'seed'],
    [protection, 'protection'],
  ]);

  const offenceRule = (): OffenceRule =>
    (ruleButtons.find((button) => button.checked)?.value as OffenceRule | undefined) ?? 'default';
  const selectedTypes = (): string[] => Array.from(offenceTypes.selectedOptions, (option) => option.value);

  function values(): FormValues {
    return {
      ageFrom: ageFrom.value,
      ageTo: ageTo.value,
      offenceRule: offenceRule(),
      offenceTypes: selectedTypes(),
      dateFrom: dateFrom.value,
      dateTo: dateTo.value,
      phases: phaseBoxes.filter((box) => box.checked).map((box) => box.value as SchoolPhase),
      threshold: threshold.value,
      showZeros: zeros.checked,
      rounding: rounding.value,
      disclosure: disclosure.value,
      confidence: confidence.value,
      catchment: catchment.value,
      metric: metric.value,
      topN: topN.value,
      smoothing: smoothing.value,
      flags: flags.value,
      showAttending: attending.checked,
      seed: seed.value,
      protection: protection.value,
    };
  }

  /** Sends one part's change, or shows the session's value again when there is nothing to send. */
  function commit(field: FormField, control: HTMLElement): void {
    if (busy || current === null) return;
    const command = formCommand(field, values(), current);
    if (command === null) {
      // An emptied or unreadable field shows the session's value again; the rest of the form is left as it is.
      refill(field, current);
      return;
    }
    returnFocus = control;
    onCommand(command, commandLabel(command));
  }

  /** A select's options for the values the form offers, plus the session's own value when it is another (a rounding base of 3). */
  function choose(select: HTMLSelectElement, value: string, label: string): void {
    for (const extra of Array.from(select.querySelectorAll('option[data-extra]'))) extra.remove();
    if (!Array.from(select.options).some((option) => option.value === value)) {
      select.append(element('option', { text: label, attributes: { value, 'data-extra': '' } }));
    }
    select.value = value;
  }

  function fillOffenceTypes(parameters: ParametersJson): void {
    const rule = offenceRuleOf(parameters);
    for (const button of ruleButtons) button.checked = button.value === rule;
    const chosen = rule === 'chosen' ? parameters.offenceTypes : [];
    const listed = sheetTypes ?? [];
    const options = listed.map(({ type, rows }) =>
      element('option', {
        text: `${type} (${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row' : 'rows'})`,
        attributes: { value: type },
      }),
    );
    for (const entry of chosen) {
      if (!listed.some(({ type }) => key(type) === key(entry)))
        options.push(element('option', { text: entryLabel(entry), attributes: { value: entry } }));
    }
    for (const option of options) option.selected = chosen.some((entry) => key(entry) === key(option.value));
    offenceTypes.replaceChildren(...options);
    offenceNote.textContent =
      sheetTypes === undefined
        ? 'The sheet\'s types are listed once the workbook has been read: ask "what\'s in this workbook?".'
        : sheetTypes === null
          ? 'No offences sheet with a type column was found.'
          : `${listed.length} ${listed.length === 1 ? 'type' : 'types'} in the offences sheet, most rows first. Ctrl+click (⌘+click on a Mac) picks several.`;
    updateApply();
  }

  function updateApply(): void {
    applyTypes.disabled =
      busy || current === null || formCommand('offenceTypes', { ...values(), offenceRule: 'chosen' }, current) === null;
  }

  function fill(parameters: ParametersJson): void {
    for (const field of ['ages', 'dates', 'threshold', 'topN', 'seed', 'protection'] as const)
      refill(field, parameters);
    fillOffenceTypes(parameters);
    for (const box of phaseBoxes) box.checked = parameters.phases.includes(box.value as SchoolPhase);
    zeros.checked = parameters.showZeros;
    choose(
      rounding,
      parameters.roundingBase === null ? 'none' : String(parameters.roundingBase),
      `To the nearest ${parameters.roundingBase}`,
    );
    disclosure.value = parameters.disclosureMethod ?? 'suppression';
    choose(confidence, String(parameters.confidenceLevel), percent(parameters.confidenceLevel));
    catchment.value = parameters.catchmentModel;
    metric.value = parameters.rankingMetric;
    smoothing.value = parameters.smoothing ?? 'none';
    flags.value = parameters.flagMethod;
    attending.checked = parameters.showAttending ?? false;
  }

  /** Shows the session's value again in a typed part of the form. */
  function refill(field: FormField, parameters: ParametersJson): void {
    if (field === 'ages') [ageFrom.value, ageTo.value] = parameters.ageBand.map(String);
    else if (field === 'dates') [dateFrom.value, dateTo.value] = [parameters.dateFrom ?? '', parameters.dateTo ?? ''];
    else if (field === 'threshold') threshold.value = String(parameters.threshold);
    else if (field === 'topN') topN.value = String(parameters.topN);
    else if (field === 'seed') seed.value = String(parameters.seed);
    else if (field === 'protection')
      protection.value = parameters.protectionInterval === null ? '' : String(parameters.protectionInterval);
  }

  // Typed fields: sent when focus leaves their part of the form, or on Enter.
  form.addEventListener('focusout', (event) => {
    const field = typed.get(event.target as HTMLInputElement);
    if (field === undefined) return;
    const next = typed.get(event.relatedTarget as HTMLInputElement);
    if (next !== field) commit(field, event.target as HTMLElement);
  });
  form.addEventListener('keydown', (event) => {
    const field = typed.get(event.target as HTMLInputElement);
    if (field === undefined || event.key !== 'Enter') return;
    event.preventDefault();
    commit(field, event.target as HTMLElement);
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  // Boxes, buttons and lists: sent as they change.
  for (const button of ruleButtons) {
    button.addEventListener('change', () => {
      if (button.value === 'chosen') updateApply();
      else commit('offenceTypes', button);
    });
  }
  offenceTypes.addEventListener('change', () => {
    for (const button of ruleButtons) button.checked = button.value === 'chosen';
    updateApply();
  });
  applyTypes.addEventListener('click', () => commit('offenceTypes', offenceTypes));
  for (const box of phaseBoxes) box.addEventListener('change', () => commit('phases', box));
  zeros.addEventListener('change', () => commit('zeros', zeros));
  rounding.addEventListener('change', () => commit('rounding', rounding));
  disclosure.addEventListener('change', () => commit('disclosure', disclosure));
  confidence.addEventListener('change', () => commit('confidence', confidence));
  catchment.addEventListener('change', () => commit('catchment', catchment));
  metric.addEventListener('change', () => commit('metric', metric));
  smoothing.addEventListener('change', () => commit('smoothing', smoothing));
  flags.addEventListener('change', () => commit('flags', flags));
  attending.addEventListener('change', () => commit('attending', attending));

  return {
    show(parameters, types) {
      current = parameters;
      if (types !== undefined) sheetTypes = types;
      fill(parameters);
    },
    setBusy(value) {
      busy = value;
      fields.disabled = value;
      form.setAttribute('aria-busy', String(value));
      updateApply();
      if (!value && returnFocus) {
        const active = root.activeElement;
        if (active === null || active === root.body) returnFocus.focus();
        returnFocus = null;
      }
    },
  };
}
