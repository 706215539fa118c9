/** Sheets the browser test adds to the demo workbook, named here so the test can speak of them. */

/** The second offence-like sheet: last year's export, so the pane must ask which one to use. */
export const OLDER_OFFENCES_SHEET = 'Offences 2022-23';
/** A sheet whose name and text are markup: the pane must show them as text, never run them. */
export const MARKUP_SHEET = '<img src=x onerror=alert(1)>';
export const MARKUP_TEXT = '<script>document.title = "injected"</script>';
