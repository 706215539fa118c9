import { luminance, themeVariables } from '../../src/taskpane/ui/officeTheme';

describe('the Office theme as CSS variables', () => {
  it("takes the theme's four colours", () => {
    expect(
      themeVariables({
        bodyBackgroundColor: '#FFFFFF',
        bodyForegroundColor: '#262626',
        controlBackgroundColor: '#FFFFFF',
        controlForegroundColor: '#262626',
      }),
    ).toEqual({
      '--body-bg': '#FFFFFF',
      '--body-fg': '#262626',
      '--control-bg': '#FFFFFF',
      '--control-fg': '#262626',
    });
  });

  it('gives a dark body a lighter accent, so buttons and links keep their contrast', () => {
    const variables = themeVariables({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' });
    expect(variables['--accent']).toBe('#7cc4f0');
    expect(variables['--body-fg']).toBe('#FFFFFF');
  });

  it('takes only well-formed hex colours, and nothing without a theme', () => {
    expect(themeVariables({ bodyBackgroundColor: 'red; background: url(x)', bodyForegroundColor: '#12345' })).toEqual(
      {},
    );
    expect(themeVariables(undefined)).toEqual({});
    expect(themeVariables(null)).toEqual({});
  });

  it('measures luminance as WCAG does', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000')).toBe(0);
    expect(luminance('#777777')).toBeCloseTo(0.184, 3);
  });
});
