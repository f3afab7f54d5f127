// Where questions about personal data go; the privacy page shows it. Change it here when the network's
// address changes.
export const PRIVACY_CONTACT = 'privacy@groeistoot.be';
