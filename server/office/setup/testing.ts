/** The setup page's token, from the link `npm start` prints. */
export const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1] ?? '')

/** What the setup page sends for Lakeside Dental in Toronto and its owner. */
export function setupBody(
  token: string,
  overrides: { practiceName?: string; password?: string } = {},
) {
  return {
    token,
    practice: {
      name: overrides.practiceName ?? 'Lakeside Dental',
      timeZone: 'America/Toronto',
      country: 'CA',
      currency: 'CAD',
    },
    locations: [
      {
        name: 'Lakeside Dental - Harbour Street',
        phone: '(416) 555-0100',
        email: null,
        address1: '12 Harbour Street',
        address2: '',
        city: 'Toronto',
        region: 'ON',
        postalCode: 'M5J 2Z8',
        hours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '13:00', closes: '17:00' },
        ],
      },
    ],
    admin: {
      username: 'owner',
      displayName: 'Dr. Priya Shah',
      password: overrides.password ?? 'harbour street owner',
    },
  }
}
