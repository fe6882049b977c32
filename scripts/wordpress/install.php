<?php
// Installs WordPress into the private database, installs and activates the companion plugin
// from its zip the way "Plugins → Add New → Upload" does (WordPress's own unzip_file), adds a
// reporter (author: edits only their own posts) and a desk editor (editor: edits everyone's),
// and prints the env lines the tests sign in with (Application Passwords). Run by
// scripts/wordpress/run with php-cli.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = getenv('WP_HOST_PORT');
$_SERVER['REQUEST_URI'] = '/';
require getenv('WP_SITE') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';
if (!is_blog_installed()) {
    wp_install('Tòa soạn thử nghiệm', getenv('WP_ADMIN_USER'), 'admin@example.invalid', false, '', getenv('WP_ADMIN_PASSWORD'));
}
update_option('permalink_structure', '/%postname%/');

WP_Filesystem();
$unzipped = unzip_file(getenv('WP_PLUGIN_ZIP'), WP_PLUGIN_DIR);
if (is_wp_error($unzipped)) {
    fwrite(STDERR, 'the plugin zip did not unpack: ' . $unzipped->get_error_message() . "\n");
    exit(1);
}
$activated = activate_plugin('newsroom-desk/newsroom-desk.php');
if (is_wp_error($activated)) {
    fwrite(STDERR, 'the plugin did not activate: ' . $activated->get_error_message() . "\n");
    exit(1);
}

/** An Application Password for a user, made anew (earlier ones are dropped). */
function app_password($user) {
    WP_Application_Passwords::delete_all_application_passwords($user->ID);
    [$password] = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'newsroom-tests']);
    return $password;
}

/** A user with a role, created when missing. */
function user_with_role($login, $name, $role) {
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user([
            'user_login' => $login,
            'user_pass' => wp_generate_password(24),
            'user_email' => "$login@example.invalid",
            'display_name' => $name,
            'role' => $role,
        ]);
        $user = get_user_by('id', $id);
    }
    return $user;
}

// The paper's sections exist on the site, as on a real one: reporters (Authors) file into
// them but may not add new ones.
foreach (['Công đoàn', 'Thời sự', 'Kinh tế', 'Văn hóa', 'Thể thao'] as $section) {
    if (!term_exists($section, 'category')) {
        wp_insert_term($section, 'category');
    }
}

$admin = get_user_by('login', getenv('WP_ADMIN_USER'));
echo 'WP_USER=', $admin->user_login, "\n";
echo 'WP_APP_PASSWORD=', app_password($admin), "\n";
$reporter = user_with_role('phongvien', 'Phóng viên Lan', 'author');
echo 'WP_REPORTER_USER=', $reporter->user_login, "\n";
echo 'WP_REPORTER_PASSWORD=', app_password($reporter), "\n";
$editor = user_with_role('bientap', 'Biên tập viên Minh', 'editor');
echo 'WP_EDITOR_USER=', $editor->user_login, "\n";
echo 'WP_EDITOR_PASSWORD=', app_password($editor), "\n";
