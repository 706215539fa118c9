/** Office themes the stand-in gives the page as Office.context.officeTheme (values as Excel gives them). */

/** Excel's Colorful theme: the stand-in's unless a test sets `window.standInOfficeTheme` before the page loads. */
export const COLORFUL_THEME = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#262626',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#262626',
};

/** Excel's Black theme. */
export const BLACK_THEME = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#0A0A0A',
  controlForegroundColor: '#F0F0F0',
};

export type StandInTheme = typeof COLORFUL_THEME;
