// `vanban serve [--port N]`: the live preview (serve/preview.h).
#include "cli/cli_support.h"
#include "serve/preview.h"

namespace vanban {

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommonOptions common;
    int port = 8000;
    po::options_description d("vanban serve [--port N] — xem trước trang web khi đang sửa văn bản (chỉ trên máy này)");
    add_common(d, common);
    d.add_options()("port", po::value(&port)->default_value(8000), "cổng trên 127.0.0.1 (0: chọn cổng trống)");
    po::variables_map vm = parse(args, d);
    if (vm.count("help")) {
        out << d << '\n';
        return 0;
    }
    if (port < 0 || port > 65535) throw UsageError("--port phải từ 0 đến 65535");
    Preview preview(common.root, common.english, out);
    preview.refresh();
    return serve_preview(preview, port, out);
}

}  // namespace vanban
