"""The processor interface, the offline sandbox, and pacing of calls toward the processor."""
