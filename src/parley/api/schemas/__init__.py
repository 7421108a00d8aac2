"""Request and response models: the API's public contract, rendered into the OpenAPI document."""
