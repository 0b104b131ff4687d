// The processor interface is spoken by the portal (charges) and the office (refunds): it lives in
// practice/, and the payments folder keeps its own name for it.
export * from '../../../practice/payment-processor.ts'
