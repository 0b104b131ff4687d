/** Shown under every new-password field; the server decides what it accepts. */
export const PASSWORD_HINT = 'At least 8 characters. A few words you can remember work well.'
