/**
 * The pane in the colours of the Office theme (Office.context.officeTheme: Colorful, Dark Gray,
 * Black, White...), as CSS variables on the root element that taskpane.css builds every colour
 * from. Only well-formed hex colours are taken; a dark body gets a lighter accent, so links and
 * buttons keep their contrast. In Windows high contrast (forced colours) the system's colours win
 * over all of this (taskpane.css).
 */

/** The four colours of Office.OfficeTheme the pane uses; any may be missing. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Relative luminance (WCAG 2) of a hex colour. */
export function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = parseInt(digits.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Accent and warning colours that read on a dark body. */
const ON_DARK: Readonly<Record<string, string>> = {
  '--accent': '#7cc4f0',
  '--accent-ink': '#0b1b26',
  '--problem': '#ffb3b3',
};

/**
 * The CSS variables for a theme: --body-bg, --body-fg, --control-bg, --control-fg for each colour
 * given, and the accent for a dark body. Empty for no theme (the stylesheet's light defaults stay).
 * @example themeVariables({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' })['--accent'] // => '#7cc4f0'
 */
export function themeVariables(theme: OfficeThemeColours | null | undefined): Record<string, string> {
  if (!theme) return {};
  const variables: Record<string, string> = {};
  const take = (name: string, colour: string | undefined) => {
    if (typeof colour === 'string' && HEX.test(colour)) variables[name] = colour;
  };
  take('--body-bg', theme.bodyBackgroundColor);
  take('--body-fg', theme.bodyForegroundColor);
  take('--control-bg', theme.controlBackgroundColor);
  take('--control-fg', theme.controlForegroundColor);
  const body = variables['--body-bg'];
  if (body !== undefined && luminance(body) < 0.18) Object.assign(variables, ON_DARK);
  return variables;
}

/** Sets the theme's variables on the root element, and tells the browser whether native controls should be dark. */
export function applyOfficeTheme(root: HTMLElement, theme: OfficeThemeColours | null | undefined): void {
  const variables = themeVariables(theme);
  for (const [name, value] of Object.entries(variables)) root.style.setProperty(name, value);
  const dark = variables['--accent'] !== undefined;
  root.dataset.theme = dark ? 'dark' : 'light';
  root.style.colorScheme = dark ? 'dark' : 'light';
}
