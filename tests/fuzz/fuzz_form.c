/* libFuzzer harness: arbitrary bytes through the form-file loader. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "core/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nb_form_t *form = NULL;
	nb_error_t err = { 0 };

	if (nb_form_parse("fuzz-form.yaml", (const char *)data, size, &form,
	                  &err) < 0) {
		if (!err.msg[0] || form)
			abort();
		return 0;
	}
	nb_form_free(form);
	return 0;
}
