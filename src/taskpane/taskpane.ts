/**
 * Task pane entry point. The dialogue arrives in its own issue; this page confirms the add-in
 * loads inside Excel and that the host supports the requirement set it needs.
 */
const REQUIRED_EXCEL_API = '1.9';

function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    showStatus('This add-in runs in Excel.');
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)) {
    showStatus(`This version of Excel is too old: the add-in needs ExcelApi ${REQUIRED_EXCEL_API} or later.`);
    return;
  }
  showStatus('Ready. Results are written to new sheets; your own sheets are never changed.');
});
