"""The support bundle (SPEC §8.2): what support needs to see, with personal data masked."""
